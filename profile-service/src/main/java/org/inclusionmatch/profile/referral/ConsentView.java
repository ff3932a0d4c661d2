package org.inclusionmatch.profile.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consent as its person's organisation sees it, with its status as of this read. */
@Schema(name = "Consent", description = "A person's consent to share named categories with one recipient for one referral. "
        + "`endedAt`: when it ended (withdrawn, or its referral closed); null while ACTIVE and when it lapsed because the "
        + "measure moved to another provider.",
        example = ReferralExamples.CONSENT)
public record ConsentView(
        UUID id,
        UUID personId,
        @Schema(description = "The organisation the data is shared with: the provider of the referral's measure")
        ReferralView.OrganisationRef recipient,
        @Schema(description = "The purpose: the referral (its id is the enrolment's) and its measure") Purpose purpose,
        List<ShareCategory> categories,
        @Schema(description = "The day the person gave it") LocalDate givenOn,
        @Schema(description = "Who recorded it: the subject of the recording token") String recordedBy,
        ConsentStatus status,
        Instant endedAt, // described on the class: a @Schema here would turn the nullable reference into a plain string
        @Schema(description = "Who recorded the withdrawal; null unless WITHDRAWN") String withdrawnBy,
        long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    @Schema(name = "ConsentPurpose", description = "The referral a consent is for")
    public record Purpose(UUID enrolmentId, ReferralView.MeasureRef measure) {
    }
}
