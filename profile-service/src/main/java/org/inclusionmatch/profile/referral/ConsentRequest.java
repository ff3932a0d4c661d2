package org.inclusionmatch.profile.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consent as the person's organisation records it. */
@Schema(name = "ConsentRequest", description = "Record a person's consent to share named categories of their profile with "
        + "the provider of one of their referrals, for that referral", example = ReferralExamples.CONSENT_REQUEST)
public record ConsentRequest(
        @NotNull @Schema(description = "The recipient: must be the provider of the referral's measure") UUID recipientOrganisationId,
        @NotNull @Schema(description = "The purpose: the referral (enrolment) the data is shared for; one of this person's, still open")
        UUID enrolmentId,
        @NotNull @Size(min = 1, max = 9) @Schema(description = "The categories shared; special ones (DISABILITY, ETHNICITY, "
                + "CRIMINAL_RECORD) only when named", example = "[\"AGE\", \"TARGET_GROUPS\"]")
        List<@NotNull ShareCategory> categories,
        @NotNull @Schema(description = "The day the person gave it; not in the future (Europe/Riga)", example = "2026-11-20")
        LocalDate givenOn) {
}
