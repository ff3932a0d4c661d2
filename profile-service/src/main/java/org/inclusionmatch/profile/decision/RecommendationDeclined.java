package org.inclusionmatch.profile.decision;

import org.inclusionmatch.profile.person.AffectsMatching;
import org.inclusionmatch.profile.person.Person;

/** A case worker declined a recommendation: it stays off the person's list, so they are matched again. */
public record RecommendationDeclined(RecommendationDecision decision, Person person) implements AffectsMatching {
}
