package org.inclusionmatch.profile.report;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A report as CSV for whoever asks for {@code text/csv} (or {@code format=csv}, see {@link ReportFormatParameter}):
 * each report's writer is a {@code @Provider} subclass that says how its rows look, and names
 * {@code MessageBodyWriter<TheReport>} again: the server picks writers by that type argument, which it does not
 * look for through a generic superclass.
 */
abstract class CsvReport<T> implements MessageBodyWriter<T> {

    static final String MEDIA_TYPE = "text/csv";

    private final Class<T> report;

    CsvReport(Class<T> report) {
        this.report = report;
    }

    abstract String toCsv(T report);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return report.isAssignableFrom(type);
    }

    @Override
    public void writeTo(T value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(toCsv(value).getBytes(StandardCharsets.UTF_8));
    }

    /** An empty field for a withheld figure. */
    static String value(Object n) {
        return n == null ? "" : n.toString();
    }
}
