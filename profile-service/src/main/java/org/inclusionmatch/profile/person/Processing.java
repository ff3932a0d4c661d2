package org.inclusionmatch.profile.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.LegalBasis;

import java.time.LocalDate;

/** Why the person's data may be processed: consent (with its date) or a legal ground (with a reference). */
@Schema(name = "PersonLegalBasis")
public record Processing(
        @NotNull @Schema(example = "CONSENT") LegalBasis basis,
        @PastOrPresent @Schema(description = "Required for CONSENT", example = "2026-11-20") LocalDate consentDate,
        @Size(max = 200) @Schema(description = "Required for LEGAL_OBLIGATION and OFFICIAL_AUTHORITY",
                example = "Probation Law, section 6") String reference) {
}
