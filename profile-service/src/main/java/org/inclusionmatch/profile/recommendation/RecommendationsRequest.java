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
        @NotNull @Size(max = 50) List<@NotNull @Valid Item> recommendations,
        @Size(max = 20) @Schema(description = "Relevant measures left out and why, with what would change that; "
                + "left out: none") List<@NotNull @Valid WhyNot> whyNot) {

    /** A result without "why not" (a worker before engine 2). */
    public RecommendationsRequest(Long profileVersion, String engineVersion, LocalDate evaluationDay, Instant computedAt,
                                  List<Item> recommendations) {
        this(profileVersion, engineVersion, evaluationDay, computedAt, recommendations, null);
    }

    /** "Why not" as given; null reads as none. */
    public List<WhyNot> whyNotOrNone() {
        return whyNot == null ? List.of() : whyNot;
    }

    @Schema(name = "ComputedWhyNot", description = "A measure that meets one of the person's needs or goals but is not "
            + "recommended, as the matcher computed it: the hard constraints it fails (unmet) and what would change that "
            + "(changes). Codes and parameters are machine-readable; never another person's data. Read back as WhyNot, "
            + "with the measure's summary.")
    public record WhyNot(
            @NotNull UUID measureId,
            @NotBlank @Pattern(regexp = Codes.RECORD_CODE) @Schema(example = "HWH-RIGA-BEDS") String measureCode,
            @NotNull @Size(min = 1, max = 15) List<@NotNull @Valid Reason> unmet,
            @NotNull @Size(max = 15) List<@NotNull @Valid Reason> changes) {
    }

    @Schema(name = "ComputedRecommendation", description = "A recommendation as the matcher computed it; read back as "
            + "Recommendation, with the measure's summary")
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
            @Size(max = 10) @Schema(example = "{\"need\": \"CAREER_GUIDANCE\"}")
            Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 500) String> params,
            @NotBlank @Size(max = Reason.MAX_TEXT) @Schema(example = "Covers a need: Career guidance.") String text) {
        /** The longest sentence, stored or rendered in the answer's language (i18n.ReasonSentences cuts to it). */
        public static final int MAX_TEXT = 500;
    }
}
