package org.inclusionmatch.profile.recommendation;

import org.inclusionmatch.profile.common.events.DomainEvent;

import java.util.UUID;

/** What happens to a person's recommendations; published on the recommendations topic. */
public sealed interface RecommendationEvent extends DomainEvent {

    /** Stored anew, or cleared (then fired after the row is removed, its change counter raised once more). */
    record Updated(RecommendationSet set, UUID organisationId) implements RecommendationEvent {
    }
}
