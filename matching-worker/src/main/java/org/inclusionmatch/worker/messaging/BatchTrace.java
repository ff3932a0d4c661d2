package org.inclusionmatch.worker.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.StreamSupport;

/**
 * The trace a batch of records is processed in. A batch serves many traces and its requests can belong to one only:
 * the span is a child of the first record's trace (so a lone event's trace runs on, as it did when records came one
 * by one) and links to every other record's. Carries the number of records, never their content.
 */
@ApplicationScoped
public class BatchTrace {

    private static final TextMapGetter<ConsumerRecord<byte[], byte[]>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<byte[], byte[]> record) {
            return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(ConsumerRecord<byte[], byte[]> record, String key) {
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public BatchTrace(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("matching-worker");
    }

    /** A started span for processing these records; the caller makes it current and ends it. */
    public Span start(String name, Collection<ConsumerRecord<byte[], byte[]>> records) {
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        Context parent = null;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Context context = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), record, HEADERS);
            SpanContext sent = Span.fromContext(context).getSpanContext();
            if (!sent.isValid()) {
                continue;
            }
            if (parent == null) {
                parent = context;
            } else {
                span.addLink(sent);
            }
        }
        return (parent == null ? span.setNoParent() : span.setParent(parent)).startSpan();
    }
}
