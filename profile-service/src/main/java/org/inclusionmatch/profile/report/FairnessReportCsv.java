package org.inclusionmatch.profile.report;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * The fairness report as CSV: per stage an OVERALL row, then a row per dimension and group. Withheld figures are
 * empty fields; a suppressed row has no rate, ratio or flag.
 */
@Provider
@Produces(CsvReport.MEDIA_TYPE)
public class FairnessReportCsv extends CsvReport<FairnessReport> implements MessageBodyWriter<FairnessReport> {

    static final String HEADER = "programme,from,to,stage,dimension,group,base,count,rate,ratio_to_best,below_four_fifths,suppressed\n";

    public FairnessReportCsv() {
        super(FairnessReport.class);
    }

    @Override
    String toCsv(FairnessReport report) {
        StringBuilder csv = new StringBuilder(HEADER);
        String prefix = report.programmeCode() + ',' + report.from() + ',' + report.to() + ',';
        for (FairnessReport.StageRates stage : report.stages()) {
            rows(csv, prefix + stage.stage() + ',', stage.rates());
        }
        return csv.toString();
    }

    /** The rows of one set of rates after {@code prefix}: OVERALL, then every dimension's groups. */
    static void rows(StringBuilder csv, String prefix, Fairness.Rates rates) {
        row(csv, prefix + "OVERALL,", rates.overall());
        for (Fairness.DimensionRates dimension : rates.dimensions()) {
            for (Fairness.Group group : dimension.groups()) {
                row(csv, prefix + dimension.dimension() + ',', group);
            }
        }
    }

    private static void row(StringBuilder csv, String prefix, Fairness.Group g) {
        csv.append(prefix).append(value(g.group())).append(',').append(value(g.base())).append(',')
                .append(value(g.count())).append(',').append(value(g.rate())).append(',').append(value(g.ratioToBest()))
                .append(',').append(value(g.belowFourFifths())).append(',').append(g.suppressed()).append('\n');
    }
}
