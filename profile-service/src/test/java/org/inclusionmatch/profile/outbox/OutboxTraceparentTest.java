package org.inclusionmatch.profile.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an outbox row keeps of the writing request's trace: its W3C traceparent, or nothing outside a trace. */
class OutboxTraceparentTest {

    @Test
    void aRowKeepsTheW3cTraceparentOfTheCurrentSpanAndNothingOutsideATrace() {
        SpanContext request = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        assertThat(Outbox.traceparent(Context.root().with(Span.wrap(request))))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(Outbox.traceparent(Context.root())).isNull();
    }
}
