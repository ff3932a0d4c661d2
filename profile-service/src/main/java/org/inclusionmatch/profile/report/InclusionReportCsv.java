package org.inclusionmatch.profile.report;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/** The inclusion report as CSV, one row per region and a TOTAL row, for whoever asks for {@code text/csv}. */
@Provider
@Produces(CsvReport.MEDIA_TYPE)
public class InclusionReportCsv extends CsvReport<InclusionReport> implements MessageBodyWriter<InclusionReport> {

    static final String MEDIA_TYPE = CsvReport.MEDIA_TYPE;
    static final String HEADER = "programme,from,to,region,participants,included,rate_percent,suppressed\n";

    public InclusionReportCsv() {
        super(InclusionReport.class);
    }

    @Override
    String toCsv(InclusionReport report) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (InclusionReport.Cell cell : report.byRegion()) {
            row(csv, report, cell);
        }
        row(csv, report, report.total());
        return csv.toString();
    }

    private static void row(StringBuilder csv, InclusionReport report, InclusionReport.Cell cell) {
        csv.append(report.programmeCode()).append(',').append(report.from()).append(',').append(report.to()).append(',')
                .append(cell.region() == null ? "TOTAL" : cell.region()).append(',')
                .append(value(cell.participants())).append(',').append(value(cell.included())).append(',')
                .append(value(cell.ratePercent())).append(',').append(cell.suppressed()).append('\n');
    }
}
