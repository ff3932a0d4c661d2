package org.inclusionmatch.profile.person;

import org.inclusionmatch.profile.common.events.DomainEvent;

/** What happens to a person's profile; each is published on the persons topic. */
public sealed interface PersonEvent extends DomainEvent {

    Person person();

    record Created(Person person) implements PersonEvent {
    }

    /** Only when something changed: an update that changes nothing is no event. */
    record Updated(Person person) implements PersonEvent {
    }

    /** Fired after the row is removed; its version was raised once more before, so the erasure has a version of its own. */
    record Erased(Person person) implements PersonEvent {
    }
}
