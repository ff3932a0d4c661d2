package org.inclusionmatch.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of every event on the inclusion topics, in CloudEvents style. It says what changed, never how:
 * no personal or special-category field ever goes into an event, so consumers read what they need through
 * the API (authorised, audited) and erasing a person needs no Kafka surgery. Schema: schemas/event-envelope.v1.json.
 *
 * @param id               unique per event; consumers use it (or aggregateVersion) to ignore redeliveries
 * @param type             one of {@link EventType}
 * @param source           the service that published it
 * @param time             when the change was committed
 * @param subject          the aggregate's id; also the record key, so one aggregate's events stay in order
 * @param aggregateVersion the aggregate's version after the change
 * @param organisationId   the organisation the aggregate belongs to (persons), or the provider/operator (catalogue)
 */
public record EventEnvelope(UUID id, EventType type, String source, Instant time, UUID subject,
                            long aggregateVersion, UUID organisationId) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }
}
