package org.inclusionmatch.profile.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.enrolment.EnrolmentRequests;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral as both its organisations see it: what the referral itself is (who refers, to what, a contact, the needs
 * and goals it is for, the person's languages, a message) and, in {@code shared}, only the profile fields the person's
 * active consents for this provider and this referral release. Nothing else about the person. Every read of it is a
 * read of the person in the audit log ({@link ConcernsPerson}).
 */
@Schema(name = "Referral", description = "A referral as the provider (and the referrer) sees it. Nothing about the "
        + "person beyond these fields: the minimum the referral itself is, and in `shared` only what the person's "
        + "active consents release to this provider for this referral. `contact` (the referrer's contact for this "
        + "referral) and `message` are null when none was given.", example = ReferralExamples.REFERRAL)
public record ReferralView(
        @Schema(description = "The referral's id, the same as the enrolment's") UUID id,
        @Schema(description = "The person's id: a reference, not a profile (GET /persons/{id} stays the referrer's)") UUID personId,
        EnrolmentStatus status,
        @Schema(description = "The reason code of the last move, for REJECTED, DROPPED and CANCELLED") String reason,
        @Schema(description = "Free text given with the reason (always with REJECTED / OTHER); null when none") String note,
        @Schema(description = "REFERRED: when the provider should answer by (unanswered, it becomes EXPIRED and the place "
                + "goes to the waitlist); EXPIRED: the date that passed; null otherwise") Instant answerBy,
        @Schema(description = "REFERRED: whether its answer-by date has passed; null otherwise") Boolean overdue,
        @Schema(description = "The referring organisation: the person's") OrganisationRef referrer,
        @Schema(description = "The organisation that provides the measure") OrganisationRef provider,
        MeasureRef measure,
        EnrolmentRequests.Contact contact, // no @Schema here: it would turn the nullable reference into a plain object
        @Schema(description = "The referrer's message; null when none was given") String message,
        @Schema(description = "The needs this referral is meant to address") List<String> needs,
        @Schema(description = "The goals this referral serves") List<String> goals,
        @Schema(description = "The person's languages (ISO 639)") List<String> languages,
        SharedProfile shared,
        long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    @Override
    public String toString() {
        return "ReferralView[" + id + "]"; // never the contact, the message or the shared fields
    }

    @Schema(name = "OrganisationRef", description = "An organisation, by id, code and name")
    public record OrganisationRef(UUID id, String code, String name) {
    }

    @Schema(name = "MeasureRef", description = "A measure, by id, code and title")
    public record MeasureRef(UUID id, String code, String title) {
    }

    /**
     * The profile fields that active consents release. A field is present only when a named category releases it;
     * {@code categories} and {@code consentIds} are always present (empty without an active consent).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SharedProfile", description = "Only what the person's active consents for this provider and this "
            + "referral release: a field is absent unless a named category releases it. `categories` and `consentIds` "
            + "are always present (empty without an active consent). A withdrawal or the referral's closing empties it "
            + "at the next read.")
    public record SharedProfile(
            @Schema(description = "The categories the active consents name, together") List<ShareCategory> categories,
            @Schema(description = "The active consents this sharing rests on") List<UUID> consentIds,
            @Schema(description = "AGE") Integer birthYear,
            @Schema(description = "GENDER") Gender gender,
            @Schema(description = "REGION") Region region,
            @Schema(description = "REGION") String municipality,
            @Schema(description = "ARCHETYPE") Role role,
            @Schema(description = "ARCHETYPE") Archetype archetype,
            @Schema(description = "TARGET_GROUPS (ordinary groups), DISABILITY, ETHNICITY, CRIMINAL_RECORD (their special groups)")
            List<String> targetGroups,
            @Schema(description = "NEEDS_AND_GOALS: all the person's needs, those revealing health only with DISABILITY") List<String> needs,
            @Schema(description = "NEEDS_AND_GOALS: all the person's goals") List<String> goals) {

        static SharedProfile none() {
            return new SharedProfile(List.of(), List.of(), null, null, null, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "SharedProfile[" + categories + "]";
        }
    }
}
