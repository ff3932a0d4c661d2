package org.inclusionmatch.profile.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the matching worker stores for a person: the ranked list and what it was computed from. */
@Schema(name = "RecommendationsRequest")
public record RecommendationsRequest(
        @NotNull @Min(0) @Schema(description = "The person's version the list was computed from", example = "3") Long profileVersion,
        @NotBlank @Size(max = 64) @Schema(example = "engine-1.0.0") String engineVersion,
        @NotNull @Schema(example = "2026-11-23") LocalDate evaluationDay,
        @NotNull Instant computedAt,
        @NotNull @Size(max = 50) List<@NotNull @Valid Item> recommendations) {

    @Schema(name = "Recommendation")
    public record Item(
            @NotNull @Min(1) @Schema(example = "1") Integer rank,
            @NotNull UUID measureId,
            @NotBlank @Pattern(regexp = Codes.RECORD_CODE) @Schema(example = "LRC-PIE-CAREER") String measureCode,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(example = "0.82") Double score,
            @NotNull @Size(max = 30) List<@NotNull @Valid Reason> reasons) {
    }

    @Schema(name = "Reason", description = "Why a measure is recommended: a machine-readable code with parameters, and a sentence")
    public record Reason(
            @NotBlank @Pattern(regexp = Codes.TAG) @Schema(example = "NEED_MATCH") String code,
            @Schema(example = "{\"need\": \"CAREER_GUIDANCE\"}") Map<String, String> params,
            @NotBlank @Size(max = 500) @Schema(example = "Covers the need CAREER_GUIDANCE.") String text) {
    }
}
