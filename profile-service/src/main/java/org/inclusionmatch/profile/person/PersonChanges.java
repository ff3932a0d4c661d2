package org.inclusionmatch.profile.person;

/**
 * What happens to a person that other features act on, fired inside the transaction that makes the change, so
 * that the person feature needs to know nothing of recommendations or enrolments. These are in-process hooks, not
 * published: what consumers see is the {@link PersonEvent} fired with them (Updated, Erased) and the events of what
 * the hooks change (recommendations cleared, enrolments cancelled), each fired by the feature that changes it.
 */
public final class PersonChanges {

    private PersonChanges() {
    }

    /** The person withdrew from matching: what was derived for matching must go. */
    public record MatchingWithdrawn(Person person) {
    }

    /** The person is about to be erased: release what they hold before their rows go. */
    public record Erasing(Person person) {
    }
}
