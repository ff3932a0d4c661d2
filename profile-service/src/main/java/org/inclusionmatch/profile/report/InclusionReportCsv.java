package org.inclusionmatch.profile.report;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** The inclusion report as CSV, one row per region and a TOTAL row, for whoever asks for {@code text/csv}. */
@Provider
@Produces(InclusionReportCsv.MEDIA_TYPE)
public class InclusionReportCsv implements MessageBodyWriter<InclusionReport> {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "programme,from,to,region,participants,included,rate_percent,suppressed\n";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return InclusionReport.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(InclusionReport report, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(toCsv(report).getBytes(StandardCharsets.UTF_8));
    }

    static String toCsv(InclusionReport report) {
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

    private static String value(Integer n) {
        return n == null ? "" : n.toString();
    }
}
