package org.inclusionmatch.profile.recommendation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.measure.MeasureSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Recommendations", description = "A person's current recommendations, each with the measure as a list "
        + "shows it, and the relevant measures left out and why. status says whether they are computed: PENDING (not "
        + "yet: empty lists, and profileVersion, engineVersion, evaluationDay and computedAt null), COMPUTED, OUTDATED "
        + "(the last lists, computed from an earlier profile version; a new result is on its way) or WITHDRAWN (the "
        + "person withdrew from matching: empty lists, nothing computed or kept)")
public record RecommendationsView(UUID personId,
                                  @Schema(description = "PENDING: the person's first matching has not been stored yet (just "
                                          + "created, or matching allowed again); the empty lists do not mean that nothing "
                                          + "fits. Read again after Retry-After seconds, or wait for RECOMMENDATIONS_UPDATED "
                                          + "about the person (subject: the person's id) on inclusion.recommendations.v1. "
                                          + "COMPUTED: computed from the person's current profile version. OUTDATED: "
                                          + "computed from an earlier profile version (profileVersion); the lists are the "
                                          + "last ones and a new result is on its way (Retry-After, RECOMMENDATIONS_UPDATED). "
                                          + "WITHDRAWN: the person withdrew from matching; nothing is computed or kept.",
                                          example = "COMPUTED")
                                  Status status,
                                  @Schema(description = "The person's version the lists were computed from; null when "
                                          + "PENDING or WITHDRAWN") Long profileVersion,
                                  String engineVersion, LocalDate evaluationDay, Instant computedAt,
                                  @Schema(description = "Counts the changes of the stored lists (0 before the first)") long version,
                                  List<Recommendation> recommendations,
                                  @Schema(description = "Relevant measures left out and why, with what would change that")
                                  List<WhyNot> whyNot) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    /** Whether a person's recommendations are computed, and from what. */
    @Schema(name = "RecommendationsStatus")
    public enum Status {
        PENDING, COMPUTED, OUTDATED, WITHDRAWN;

        /** Whether a new result is expected, so that a client should read again (Retry-After). */
        public boolean awaited() {
            return this == PENDING || this == OUTDATED;
        }
    }

    @Schema(name = "Recommendation", description = "A recommended measure: rank, score and reasons as the matcher gave "
            + "them, and the measure as it is now")
    public record Recommendation(@Schema(example = "1") Integer rank, UUID measureId,
                                 @Schema(example = "LRC-PIE-CAREER") String measureCode,
                                 @Schema(example = "0.82") Double score,
                                 List<RecommendationsRequest.Reason> reasons,
                                 @Schema(description = "Title, kind, provider, programme and places; null only when the "
                                         + "measure was deleted after the lists were computed (the next result leaves it out)")
                                 MeasureSummary measure) {
    }

    @Schema(name = "WhyNot", description = "A measure that meets one of the person's needs or goals but is not "
            + "recommended: the hard constraints it fails (unmet) and what would change that (changes): the date it "
            + "opens, the waitlist and expected wait, an alternative, the rule's condition and the value that passes "
            + "it, or whom the rule is for. Codes and parameters are machine-readable; never another person's data.")
    public record WhyNot(UUID measureId, @Schema(example = "HWH-RIGA-BEDS") String measureCode,
                         List<RecommendationsRequest.Reason> unmet, List<RecommendationsRequest.Reason> changes,
                         @Schema(description = "Title, kind, provider, programme and places; null only when the measure "
                                 + "was deleted after the lists were computed")
                         MeasureSummary measure) {
    }
}
