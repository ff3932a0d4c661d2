package org.inclusionmatch.worker.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.worker.matching.PersonMatcher;

/**
 * Re-matches a person whenever their profile changes. The offset is committed only after the result is stored
 * (at least once); a redelivered event computes the same list, which the API stores as no change. An event that
 * fails goes to the dead-letter topic with the reason, and the partition moves on.
 */
@ApplicationScoped
public class PersonEventsConsumer {

    private final EnvelopeReader reader;
    private final PersonMatcher matcher;

    public PersonEventsConsumer(EnvelopeReader reader, PersonMatcher matcher) {
        this.reader = reader;
        this.matcher = matcher;
    }

    @Incoming("persons")
    @Blocking(value = "matching-pool", ordered = false)
    public void onPersonEvent(String value) {
        EventEnvelope event = reader.read(value);
        switch (event.type()) {
            case PERSON_CREATED, PERSON_UPDATED, PERSON_MATCHING_INPUTS_CHANGED -> matcher.match(event.subject());
            case PERSON_DELETED -> {
                // profile-service deleted the recommendations with the person
            }
            default -> throw new PoisonEventException("a " + event.type() + " event does not belong on the persons topic");
        }
    }
}
