package org.inclusionmatch.profile.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;

import java.util.UUID;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull UUID measureId,
        @NotNull @Schema(example = "DECLINE") Decision decision,
        @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code")
        @Schema(description = "Required for DECLINE and OVERRIDE, e.g. NOT_INTERESTED, TOO_FAR, ALREADY_RECEIVING, BETTER_FIT",
                example = "TOO_FAR") String reasonCode,
        @Size(max = 1000) @Schema(description = "Optional free text") String note) {
}
