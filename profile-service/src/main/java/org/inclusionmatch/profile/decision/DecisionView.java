package org.inclusionmatch.profile.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.enrolment.EnrolmentView;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Decision")
public record DecisionView(UUID id, UUID personId, UUID measureId, Decision decision, String reasonCode, String note,
                           long personVersion, long measureVersion, UUID enrolmentId, String decidedBy, Instant decidedAt,
                           @Schema(description = "The enrolment an ACCEPT or OVERRIDE created") EnrolmentView enrolment) implements ConcernsPerson {

    /** A decision is recorded once and never changed: its version, and so its ETag, is always 0. */
    public static final long VERSION = 0;

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    static DecisionView of(RecommendationDecision d, EnrolmentView enrolment) {
        return new DecisionView(d.id, d.personId, d.measureId, d.decision, d.reasonCode, d.note, d.personVersion,
                d.measureVersion, d.enrolmentId, d.decidedBy, d.decidedAt, enrolment);
    }
}
