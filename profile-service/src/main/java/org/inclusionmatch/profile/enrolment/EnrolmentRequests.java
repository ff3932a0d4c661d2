package org.inclusionmatch.profile.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;
import org.inclusionmatch.profile.vocabulary.Codes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class EnrolmentRequests {

    /** A phone number: digits with an optional leading +, single spaces or hyphens between digits, 6 to 20 digits. */
    public static final String PHONE = "^\\+?[0-9](?:[ -]?[0-9]){5,19}$";

    private EnrolmentRequests() {
    }

    /**
     * A referral. Only {@code personId} and {@code measureId} are required (clients written before the referral's
     * terms keep working); the rest is what the provider reads about the referral (GET /referrals/{id}).
     */
    @Schema(name = "EnrolmentRequest", description = "Refer a person of your organisation to a measure. Besides the ids, "
            + "all optional: a contact for this referral, a message to the provider, and the needs and goals it is meant "
            + "to address. The provider reads these, the person's languages and only the profile fields the person "
            + "agreed to share with it (see the person's consents).")
    public record Refer(
            @NotNull UUID personId,
            @NotNull UUID measureId,
            @Valid @Schema(description = "Whom the provider contacts about this referral: a work name and a work e-mail or "
                    + "phone (at least one). Not the person's own contact details.") Contact contact,
            @Size(max = 2000) @Schema(description = "A message to the provider, up to 2000 characters (line breaks allowed, "
                    + "no other control characters). Write only what the provider needs to act on the referral.",
                    example = "Available on weekday mornings; prefers a group in Latvian.") String message,
            @Size(max = 20) @Schema(description = "The needs this referral is meant to address, each among the person's "
                    + "needs. Left out: the person's needs that the measure addresses.", example = "[\"DIGITAL_SKILLS\"]")
            List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> needs,
            @Size(max = 20) @Schema(description = "The goals this referral serves, each among the person's goals. Left out: "
                    + "the person's goals that the measure serves.", example = "[\"OPEN_LABOUR_MARKET\"]")
            List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> goals,
            @Schema(description = "When the provider should answer by, if not the measure's answer time "
                    + "(answerDays) from now: at least inclusion.referrals.min-answer-time (default 24 hours) "
                    + "and at most 90 days ahead, else a 400 naming answerBy. Applies when the referral takes a "
                    + "place at once; a referral that goes to the waitlist gets the measure's answer time from "
                    + "the moment a place is offered to it. Unanswered by then, the referral becomes EXPIRED and "
                    + "its place goes to the waitlist", example = "2026-12-04T16:00:00Z")
            Instant answerBy) implements NamesPersons {

        @Override
        public List<UUID> personsNamed() {
            return NamesPersons.persons(personId);
        }

        public ReferralTerms terms() {
            return new ReferralTerms(contact, message, needs, goals);
        }
    }

    /** The referrer's contact for one referral: a case worker's work name and work e-mail or phone. */
    @Schema(name = "ReferralContact", description = "The referrer's contact for this referral: a work name, and a work "
            + "e-mail or a work phone (at least one of the two)")
    public record Contact(
            @NotBlank @Size(max = 100) @Schema(description = "Printable text, no line breaks", example = "Anna Bērziņa")
            String name,
            @Email @Size(max = 254) @Schema(example = "anna.berzina@probacija.example.lv") String email,
            @Size(max = 32) @Pattern(regexp = PHONE, message = "must be a phone number such as +371 2612 3456")
            @Schema(example = "+371 2612 3456") String phone) {
    }

    @Schema(name = "EnrolmentTransition")
    public record Transition(
            @NotNull @Schema(example = "REJECTED") EnrolmentStatus status,
            @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code")
            @Schema(description = "Required for REJECTED, DROPPED and CANCELLED. For REJECTED one of the code list "
                    + "referralDeclineReasons (NO_CAPACITY, NOT_ELIGIBLE, PERSON_DECLINED, PERSON_UNREACHABLE, SAFETY, "
                    + "OTHER), anything else a 400 naming reason; the referrer sees it. After NO_CAPACITY, "
                    + "PERSON_UNREACHABLE or OTHER the measure may be recommended to the person again; after NOT_ELIGIBLE "
                    + "once the person's profile changes; after PERSON_DECLINED or SAFETY not. For DROPPED and CANCELLED "
                    + "an open code (enrolmentReasons), e.g. FOUND_WORK", example = "NOT_ELIGIBLE")
            String reason,
            @Size(max = 500)
            @Schema(description = "Free text beside the reason, seen by both organisations; required with REJECTED / "
                    + "OTHER, refused with a move that takes no reason. No more than the answer needs: it is part of "
                    + "the person's record", example = "The course needs B1 Latvian; please refer again after the "
                    + "language course.", nullable = true)
            String note) {
    }
}
