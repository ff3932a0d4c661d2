package org.inclusionmatch.profile.recommendation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.util.UUID;

/** What became of one person's result in a batch store. */
@Schema(name = "RecommendationsBatchOutcome")
public record BatchOutcome(
        UUID personId,
        Status status,
        @Schema(description = "The set's version after the store; null unless STORED or UNCHANGED") Long version)
        implements ConcernsPerson {

    public enum Status {
        /** Stored, and announced with RECOMMENDATIONS_UPDATED. */
        STORED,
        /** Identical to the stored set: nothing changed, nothing announced. */
        UNCHANGED,
        /** Computed from another profile version than the current one: not stored; the profile's own event follows. */
        STALE,
        /** The person withdrew from matching: no recommendations are kept. */
        WITHDRAWN,
        /** No such person (deleted meanwhile). */
        NOT_FOUND
    }

    @Override
    public UUID concernedPerson() {
        return personId;
    }
}
