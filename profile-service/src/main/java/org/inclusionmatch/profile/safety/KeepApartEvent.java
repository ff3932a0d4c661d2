package org.inclusionmatch.profile.safety;

import org.inclusionmatch.profile.person.AffectsMatching;
import org.inclusionmatch.profile.person.Person;

/**
 * A keep-apart constraint was recorded or lifted: what may be recommended to the person changes. Published only as
 * a re-match of the person (PERSON_MATCHING_INPUTS_CHANGED), which says nothing of the constraint or the other person.
 */
public record KeepApartEvent(Person person) implements AffectsMatching {
}
