package org.inclusionmatch.worker.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.worker.matching.BatchMatcher;
import org.inclusionmatch.worker.matching.PersonMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matches a person whenever their profile changes, in batches: whatever the last poll brought (one event when one
 * arrived, hundreds during an import; no waiting for more), each person once however many of their events it holds,
 * their views read with one request and their results stored with one ({@link BatchMatcher}). The batch's offsets
 * are committed only after that (at least once); a redelivered batch computes the same lists, which the API stores
 * as no change, and a result computed from a profile that changed meanwhile is refused as stale, alone, while the
 * others are stored (the newer version's own event brings its result).
 * <p>
 * Two kinds of failure, never mixed up: a record that can never succeed (not an envelope, a type that does not
 * belong here, a request profile-service refuses as invalid) is parked on the dead-letter topic alone and the rest
 * of the batch goes on; anything else (profile-service down, 5xx, timeouts, an open circuit) is retried inside
 * {@link ProfileServiceClient} with backoff and without limit, while the connector stops fetching (back-pressure
 * pauses the partitions) and no later offset is committed. If the worker stops meanwhile, the batch is simply
 * processed again by whoever takes the partitions over ({@code failure-strategy=fail}: never dead-lettered).
 */
@ApplicationScoped
public class PersonEventsConsumer {

    private final EnvelopeReader reader;
    private final BatchMatcher batches;
    private final PersonMatcher matcher;
    private final DeadLetters deadLetters;
    private final BatchTrace trace;

    public PersonEventsConsumer(EnvelopeReader reader, BatchMatcher batches, PersonMatcher matcher, DeadLetters deadLetters,
                                BatchTrace trace) {
        this.reader = reader;
        this.batches = batches;
        this.matcher = matcher;
        this.deadLetters = deadLetters;
        this.trace = trace;
    }

    @Incoming("persons")
    @Blocking(value = "matching-pool", ordered = false)
    public void onPersonEvents(ConsumerRecords<byte[], byte[]> records) {
        Map<UUID, List<ConsumerRecord<byte[], byte[]>>> toMatch = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            EventEnvelope event;
            try {
                event = reader.read(record.value());
            } catch (PoisonEventException poison) {
                deadLetters.park(record, poison.getMessage()); // alone: the good records of the batch go on
                continue;
            }
            switch (event.type()) {
                case PERSON_CREATED, PERSON_UPDATED, PERSON_MATCHING_INPUTS_CHANGED ->
                        toMatch.computeIfAbsent(event.subject(), id -> new ArrayList<>()).add(record);
                case PERSON_DELETED -> {
                    // profile-service deleted the recommendations with the person
                }
                default -> deadLetters.park(record, "a " + event.type() + " event does not belong on the persons topic");
            }
        }
        if (toMatch.isEmpty()) {
            return;
        }
        // The API requests run in the batch's trace, so profile-service's events about the results continue it.
        Span span = trace.start("match persons", toMatch.values().stream().flatMap(List::stream).toList());
        try (Scope ignored = span.makeCurrent()) {
            match(toMatch);
        } finally {
            span.end();
        }
    }

    private void match(Map<UUID, List<ConsumerRecord<byte[], byte[]>>> toMatch) {
        try {
            batches.matchPersons(toMatch.keySet());
        } catch (ProfileServiceClient.ClientError refused) {
            // The API refused a batch request as invalid, which says nothing about which record it cannot take: go
            // through the batch's persons one by one, so only the records whose own requests are refused are parked.
            toMatch.forEach((person, events) -> {
                try {
                    matcher.match(person);
                } catch (ProfileServiceClient.ClientError alone) {
                    events.forEach(record -> deadLetters.park(record, alone.getMessage()));
                }
            });
        }
    }
}
