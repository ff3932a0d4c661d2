package org.inclusionmatch.profile.enrolment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Enrolment")
public record EnrolmentView(UUID id, UUID personId, UUID measureId, UUID programmeId, EnrolmentStatus status,
                            @Schema(description = "Place on the measure's waitlist, from 1; null unless WAITLISTED") Integer waitlistPosition,
                            String reason,
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
        return new EnrolmentView(e.id, e.personId, e.measureId, e.programmeId, e.status, position, e.reason,
                e.status.next(), e.version, e.createdAt, e.updatedAt);
    }
}
