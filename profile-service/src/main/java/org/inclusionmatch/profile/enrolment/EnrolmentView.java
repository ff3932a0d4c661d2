package org.inclusionmatch.profile.enrolment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Enrolment")
public record EnrolmentView(UUID id, UUID personId, UUID measureId, UUID programmeId, EnrolmentStatus status,
                            @Schema(description = "Place on the measure's waitlist, from 1; null unless WAITLISTED") Integer waitlistPosition,
                            @Schema(description = "Why it was REJECTED (a code of referralDeclineReasons), DROPPED or "
                                    + "CANCELLED (enrolmentReasons); null otherwise", example = "NOT_ELIGIBLE", nullable = true)
                            String reason,
                            @Schema(description = "Free text given with the reason (always with REJECTED / OTHER); null "
                                    + "when none", maxLength = 500, nullable = true) String note,
                            @Schema(description = "REFERRED: when the provider should answer by; unanswered by then (and "
                                    + "any grace the deployment sets) it becomes EXPIRED and the place goes to the waitlist. "
                                    + "EXPIRED: the date that passed. Null in every other status",
                                    example = "2026-12-04T16:00:00Z", nullable = true) Instant answerBy,
                            @Schema(description = "REFERRED: whether its answer-by date has passed; null in every other "
                                    + "status", nullable = true) Boolean overdue,
                            @Schema(description = "The statuses it may move to next") Set<EnrolmentStatus> allowedTransitions,
                            long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    static EnrolmentView of(Enrolment e) {
        Integer position = e.status == EnrolmentStatus.WAITLISTED
                ? (int) Enrolment.count("measureId = ?1 and status = ?2 and waitlistSeq < ?3",
                e.measureId, EnrolmentStatus.WAITLISTED, e.waitlistSeq) + 1
                : null;
        boolean referred = e.status == EnrolmentStatus.REFERRED;
        Instant answerBy = referred || e.status == EnrolmentStatus.EXPIRED ? e.answerBy : null;
        Boolean overdue = referred && e.answerBy != null ? e.answerBy.isBefore(Instant.now()) : null;
        return new EnrolmentView(e.id, e.personId, e.measureId, e.programmeId, e.status, position, e.reason, e.note,
                answerBy, overdue, e.status.next(), e.version, e.createdAt, e.updatedAt);
    }
}
