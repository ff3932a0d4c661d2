package org.inclusionmatch.profile.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.Region;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Organisation")
public record OrganisationView(UUID id, String code, String name, OrganisationKind kind, Region region,
                               long version, Instant createdAt, Instant updatedAt) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.code, o.name, o.kind, o.region, o.version, o.createdAt, o.updatedAt);
    }
}
