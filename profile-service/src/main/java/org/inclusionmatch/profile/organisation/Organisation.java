package org.inclusionmatch.profile.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.Region;

import java.util.Optional;

/** A WISE, NGO, municipality, state agency, university or funder: runs programmes, provides measures, holds persons. */
@Entity
@Table(name = "organisation")
public class Organisation extends VersionedEntity {

    public String code;
    public String name;

    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;

    @Enumerated(EnumType.STRING)
    public Region region;

    public static Optional<Organisation> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
