package org.inclusionmatch.profile.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "Outcome")
public record OutcomeView(UUID id, UUID personId, UUID programmeId, LocalDate periodStart, LocalDate periodEnd,
                          OutcomeStatus status, boolean included, LocalDate outcomeDate, OutcomeStatus followUpStatus,
                          LocalDate followUpDate, long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }

    static OutcomeView of(Outcome o) {
        return new OutcomeView(o.id, o.personId, o.programmeId, o.periodStart, o.periodEnd, o.status, o.status.isIncluded(),
                o.outcomeDate, o.followUpStatus, o.followUpDate, o.version, o.createdAt, o.updatedAt);
    }
}
