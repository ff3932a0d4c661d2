package org.inclusionmatch.profile.programme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;

/**
 * A quota an allocation round of the programme respects: at most {@code maxPlaces} and, as far as candidates allow,
 * at least {@code minPlaces} places for persons of one region or one target group.
 */
@Schema(name = "ProgrammeQuota", description = "Places reserved or capped for one region or target group in allocation rounds")
public record ProgrammeQuota(
        @NotNull @Schema(example = "TARGET_GROUP") Dimension dimension,
        @NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") @Schema(example = "OVER_50") String value,
        @PositiveOrZero @Max(1_000_000) @Schema(example = "10") Integer minPlaces,
        @PositiveOrZero @Max(1_000_000) @Schema(example = "30") Integer maxPlaces) {

    @Schema(name = "QuotaDimension")
    public enum Dimension { REGION, TARGET_GROUP }

    /** The group key the allocation solver uses, e.g. {@code TARGET_GROUP:OVER_50}. */
    public String group() {
        return dimension + ":" + value;
    }

    @AssertTrue(message = "needs minPlaces or maxPlaces, and minPlaces may not exceed maxPlaces")
    @Schema(hidden = true)
    @JsonIgnore
    public boolean isConsistent() {
        return (minPlaces != null || maxPlaces != null) && (minPlaces == null || maxPlaces == null || minPlaces <= maxPlaces);
    }
}
