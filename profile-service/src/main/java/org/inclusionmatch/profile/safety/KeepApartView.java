package org.inclusionmatch.profile.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.time.Instant;
import java.util.UUID;

/** A keep-apart constraint as its recording organisation sees it; no other organisation ever sees one. */
@Schema(name = "KeepApart")
public record KeepApartView(UUID id, UUID personId, UUID otherPersonId, long version, Instant createdAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return personId;
    }
}
