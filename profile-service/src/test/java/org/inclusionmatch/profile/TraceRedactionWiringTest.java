package org.inclusionmatch.profile;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared span processor (telemetry module) is part of this service's tracer: a span's query values are gone. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class TraceRedactionWiringTest {

    @Inject
    Tracer tracer;

    @Test
    void theServicesTracerRedactsQueryValues() {
        Span span = tracer.spanBuilder("GET /api/v1/persons").setAttribute("url.query", "municipality=Sigulda").startSpan();
        try {
            assertThat(span).isInstanceOf(ReadableSpan.class);
            assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("url.query"))).isEqualTo("municipality=?");
        } finally {
            span.end();
        }
    }
}
