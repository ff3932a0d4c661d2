package org.inclusionmatch.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps values of query parameters out of spans: the HTTP instrumentation records the query string (url.query, and
 * url.full on client spans), and a query may one day carry something about a person. Each value is replaced by
 * {@code ?}, the parameter names stay. Paths keep their ids (pseudonymous UUIDs, see docs/operations.md, Observability).
 * Quarkus adds every {@link SpanProcessor} bean to the tracer provider.
 */
@ApplicationScoped
public class TraceRedaction implements SpanProcessor {

    static final List<AttributeKey<String>> WITH_QUERY = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.target"), AttributeKey.stringKey("http.url"));
    private static final Pattern VALUE = Pattern.compile("=[^&#]*");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : WITH_QUERY) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, redact(key, value));
            }
        }
    }

    /** The value with every query parameter's value replaced by {@code ?}; a url.full keeps its path. */
    static String redact(AttributeKey<String> key, String value) {
        if (key.getKey().equals("url.query")) {
            return VALUE.matcher(value).replaceAll("=?");
        }
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query + 1) + VALUE.matcher(value.substring(query + 1)).replaceAll("=?");
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
