package org.inclusionmatch.profile.recommendation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Recommendations", description = "A person's current recommendations; computedAt is null until the worker has run")
public record RecommendationsView(UUID personId, Long profileVersion, String engineVersion, LocalDate evaluationDay,
                                  Instant computedAt, long version,
                                  List<RecommendationsRequest.Item> recommendations,
                                  @Schema(description = "Relevant measures left out and why, with what would change that")
                                  List<RecommendationsRequest.WhyNot> whyNot) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }
}
