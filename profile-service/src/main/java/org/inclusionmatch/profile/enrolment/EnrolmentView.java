package org.inclusionmatch.profile.enrolment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Enrolment")
public record EnrolmentView(UUID id, UUID personId,
                            @Schema(description = "The person's organisation, which sent the referral (the referrer)") UUID referrerId,
                            UUID measureId,
                            @Schema(description = "The organisation that provides the measure (the provider)") UUID providerId,
                            @Schema(description = "The programme whose place it holds; null when the measure belongs to none")
                            UUID programmeId,
                            EnrolmentStatus status,
                            @Schema(description = "Place on the measure's waitlist, from 1; null unless WAITLISTED")
                            Integer waitlistPosition,
                            @Schema(description = "Why it was REJECTED (a code of referralDeclineReasons), DROPPED or "
                                    + "CANCELLED (enrolmentReasons); null otherwise", example = "NOT_ELIGIBLE")
                            String reason,
                            @Schema(description = "Free text given with the reason (always with REJECTED / OTHER); null "
                                    + "when none", maxLength = 500) String note,
                            @Schema(description = "REFERRED: when the provider should answer by; unanswered by then (and "
                                    + "any grace the deployment sets) it becomes EXPIRED and the place goes to the waitlist. "
                                    + "EXPIRED: the date that passed. Null in every other status",
                                    example = "2026-12-04T16:00:00Z") Instant answerBy,
                            @Schema(description = "REFERRED: whether its answer-by date has passed; null in every other "
                                    + "status") Boolean overdue,
                            @Schema(description = "The statuses it may move to next, by either side") Set<EnrolmentStatus> allowedTransitions,
                            @Schema(description = "The moves from here and the side that makes each: the provider answers (ACCEPTED, "
                                    + "REJECTED), enrols, completes and drops; the referrer cancels. An organisation that is both "
                                    + "sides makes both sides' moves.")
                            List<NextMove> nextMoves,
                            long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    /** A move the enrolment may make next, and the side of the referral that makes it. */
    @Schema(name = "EnrolmentNextMove")
    public record NextMove(EnrolmentStatus status, ReferralSide by) {
    }

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    static EnrolmentView of(Enrolment e) {
        Integer position = e.status == EnrolmentStatus.WAITLISTED
                ? (int) Enrolment.count("measureId = ?1 and status = ?2 and waitlistSeq < ?3",
                e.measureId, EnrolmentStatus.WAITLISTED, e.waitlistSeq) + 1
                : null;
        List<NextMove> moves = EnrolmentMoves.byOrganisations(e.status).stream()
                .map(move -> new NextMove(move.to(), move.by())).toList();
        return new EnrolmentView(e.id, e.personId, e.organisationId, e.measureId, Enrolment.providerOf(e.measureId),
                e.programmeId, e.status, position, e.reason, e.note, e.shownAnswerBy(), e.overdue(), e.status.next(), moves,
                e.version, e.createdAt, e.updatedAt);
    }
}
