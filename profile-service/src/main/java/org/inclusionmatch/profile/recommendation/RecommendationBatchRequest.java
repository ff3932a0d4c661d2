package org.inclusionmatch.profile.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Results of many persons, stored together: what {@link RecommendationsRequest} holds, with the person's id. */
@Schema(name = "RecommendationsBatchRequest")
public record RecommendationBatchRequest(
        @NotNull @Size(min = 1, max = MAX_ITEMS) @Schema(description = "At most 500 results, each person at most once")
        List<@NotNull @Valid Item> items) implements NamesPersons {

    public static final int MAX_ITEMS = 500;

    @Override
    public List<UUID> personsNamed() {
        return items == null ? List.of()
                : items.stream().filter(Objects::nonNull).map(Item::personId).filter(Objects::nonNull).toList();
    }

    @Schema(name = "RecommendationsBatchItem")
    public record Item(
            @NotNull UUID personId,
            @NotNull @Min(0) @Schema(description = "The person's version the list was computed from", example = "3") Long profileVersion,
            @NotBlank @Size(max = 64) @Schema(example = "engine-1.0.0") String engineVersion,
            @NotNull @Schema(example = "2026-11-23") LocalDate evaluationDay,
            @NotNull Instant computedAt,
            @NotNull @Size(max = 50) List<RecommendationsRequest.@NotNull @Valid Item> recommendations,
            @Size(max = 20) List<RecommendationsRequest.@NotNull @Valid WhyNot> whyNot) {

        RecommendationsRequest request() {
            return new RecommendationsRequest(profileVersion, engineVersion, evaluationDay, computedAt, recommendations,
                    whyNot);
        }
    }
}
