package org.inclusionmatch.worker.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.worker.matching.PersonMatcher;

/**
 * Re-matches a person whenever their profile changes. The offset is committed only after the result is stored
 * (at least once); a redelivered event computes the same list, which the API stores as no change.
 * <p>
 * Two kinds of failure, never mixed up: a record that can never succeed (not an envelope, a type that does not
 * belong here, a request profile-service refuses as invalid) is parked on the dead-letter topic and the partition
 * moves on; anything else (profile-service down, 5xx, timeouts, an open circuit) is retried inside
 * {@link ProfileServiceClient} with backoff and without limit, while the connector stops fetching (back-pressure
 * pauses the partitions) and no later offset is committed. If the worker stops meanwhile, the record is simply
 * processed again by whoever takes the partition over ({@code failure-strategy=fail}: never dead-lettered).
 */
@ApplicationScoped
public class PersonEventsConsumer {

    private final EnvelopeReader reader;
    private final PersonMatcher matcher;
    private final DeadLetters deadLetters;

    public PersonEventsConsumer(EnvelopeReader reader, PersonMatcher matcher, DeadLetters deadLetters) {
        this.reader = reader;
        this.matcher = matcher;
        this.deadLetters = deadLetters;
    }

    @Incoming("persons")
    @Blocking(value = "matching-pool", ordered = false)
    public void onPersonEvent(ConsumerRecord<byte[], byte[]> record) {
        EventEnvelope event;
        try {
            event = reader.read(record.value());
        } catch (PoisonEventException poison) {
            deadLetters.park(record, poison.getMessage());
            return;
        }
        try {
            switch (event.type()) {
                case PERSON_CREATED, PERSON_UPDATED, PERSON_MATCHING_INPUTS_CHANGED -> matcher.match(event.subject());
                case PERSON_DELETED -> {
                    // profile-service deleted the recommendations with the person
                }
                default -> deadLetters.park(record, "a " + event.type() + " event does not belong on the persons topic");
            }
        } catch (ProfileServiceClient.ClientError refused) {
            deadLetters.park(record, refused.getMessage());
        }
    }
}
