package org.inclusionmatch.profile.enrolment;

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

    private EnrolmentRequests() {
    }

    @Schema(name = "EnrolmentRequest", description = "Refer a person of your organisation to a measure")
    public record Refer(@NotNull UUID personId, @NotNull UUID measureId,
                        @Schema(description = "When the provider should answer by, if not the measure's answer time "
                                + "(answerDays) from now: at least inclusion.referrals.min-answer-time (default 24 hours) "
                                + "and at most 90 days ahead, else a 400 naming answerBy. Applies when the referral takes a "
                                + "place at once; a referral that goes to the waitlist gets the measure's answer time from "
                                + "the moment a place is offered to it. Unanswered by then, the referral becomes EXPIRED and "
                                + "its place goes to the waitlist", example = "2026-12-04T16:00:00Z", nullable = true)
                        Instant answerBy) implements NamesPersons {

        @Override
        public List<UUID> personsNamed() {
            return NamesPersons.persons(personId);
        }
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
