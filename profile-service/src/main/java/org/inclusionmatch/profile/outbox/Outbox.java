package org.inclusionmatch.profile.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.contracts.events.EventType;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the same transaction as the change it announces: if the change rolls back, so does the
 * event. {@link OutboxRelay} publishes it afterwards. The envelope holds ids and versions only, never profile data.
 * The row also keeps the trace context of the request that wrote it (W3C traceparent), so that the relay, on its own
 * thread and perhaps much later, publishes the record in the same trace.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "profile-service";

    private final ObjectMapper json;
    private final Topics topics;
    private final Event<OutboxWritten> written;

    public Outbox(ObjectMapper json, Topics topics, Event<OutboxWritten> written) {
        this.json = json;
        this.topics = topics;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, UUID subject, long aggregateVersion, UUID organisationId) {
        Instant now = Instant.now();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, SOURCE, now, subject, aggregateVersion, organisationId);
        OutboxEvent event = new OutboxEvent();
        event.id = envelope.id();
        event.aggregatetype = type.aggregate().name();
        event.aggregateid = subject.toString();
        event.type = type.name();
        event.topic = topics.forType(type);
        event.createdAt = now;
        event.traceparent = traceparent(Context.current());
        try {
            event.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an event envelope", e);
        }
        event.persist();
        written.fire(new OutboxWritten());
    }

    /** The W3C traceparent of the context's span, or null when there is no valid span (no request, no trace). */
    static String traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get("traceparent");
    }
}
