package org.inclusionmatch.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Query values never reach a span: the names stay, each value becomes "?". */
class TraceRedactionTest {

    @Test
    void queryValuesAreReplacedInServerAndClientSpansAndPathsAreKept() {
        List<SpanData> exported = new ArrayList<>();
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new TraceRedaction())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("test");
            Span server = tracer.spanBuilder("GET /api/v1/persons")
                    .setAttribute("url.path", "/api/v1/persons")
                    .setAttribute("url.query", "targetGroup=FORMER_PRISONER&region=RIGA&page")
                    .startSpan();
            server.end();
            Span client = tracer.spanBuilder("GET")
                    .setAttribute("url.full", "http://profile-service/api/v1/persons/0b7e4a52?after=Anna%20Berzina#x")
                    .startSpan();
            client.end();
            Span plain = tracer.spanBuilder("PUT").setAttribute("url.full", "http://profile-service/api/v1/x").startSpan();
            plain.end();
        }
        assertThat(exported).extracting(SpanData::getAttributes).satisfiesExactly(
                server -> {
                    assertThat(server.get(AttributeKey.stringKey("url.query"))).isEqualTo("targetGroup=?&region=?&page");
                    assertThat(server.get(AttributeKey.stringKey("url.path"))).isEqualTo("/api/v1/persons");
                },
                client -> assertThat(client.get(AttributeKey.stringKey("url.full")))
                        .isEqualTo("http://profile-service/api/v1/persons/0b7e4a52?after=?#x"),
                plain -> assertThat(plain.get(AttributeKey.stringKey("url.full"))).isEqualTo("http://profile-service/api/v1/x"));
    }
}
