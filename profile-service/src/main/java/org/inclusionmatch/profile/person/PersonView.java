package org.inclusionmatch.profile.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Person")
public record PersonView(UUID id, UUID organisationId, Role role, Archetype archetype, int birthYear, Gender gender,
                         Region region, String municipality, List<String> targetGroups, List<String> needs,
                         List<String> goals, List<String> languages, Processing legalBasis, boolean matchingAllowed,
                         String externalRef,
                         @Schema(description = "Whether a personal code is recorded for the person; the code itself is never returned")
                         boolean personalCodeRecorded,
                         long version, Instant createdAt, Instant updatedAt) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return id;
    }

    public static PersonView of(Person p) {
        return new PersonView(p.id, p.organisation.id, p.role, p.archetype, p.birthYear, p.gender, p.region,
                p.municipality, p.targetGroups, p.needs, p.goals, p.languages,
                new Processing(p.legalBasis, p.consentDate, p.legalReference), p.matchingAllowed,
                p.externalRef, p.identityLink != null, p.version, p.createdAt, p.updatedAt);
    }

    @Override
    public String toString() {
        return "PersonView[" + id + "]"; // never the profile itself
    }
}
