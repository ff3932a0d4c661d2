package org.inclusionmatch.profile.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.LegalBasis;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's profile, held by one organisation. Target groups can reveal disability, ethnicity or a criminal
 * record (GDPR Art. 9 and 10): this entity's fields never go into logs or events.
 */
@Entity
@Table(name = "person")
public class Person extends VersionedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Enumerated(EnumType.STRING)
    public Archetype archetype;

    @Column(name = "birth_year")
    public int birthYear;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Enumerated(EnumType.STRING)
    public Region region;

    public String municipality;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "text[]")
    public List<String> targetGroups;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> needs;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> goals;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> languages;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;

    @Column(name = "consent_date")
    public LocalDate consentDate;

    @Column(name = "legal_reference")
    public String legalReference;

    @Column(name = "matching_allowed")
    public boolean matchingAllowed;

    /** The client's own reference, unique within the organisation; the key of the bulk import. */
    @Column(name = "external_ref")
    public String externalRef;

    /**
     * The cell-key method's random key (see {@code CellKeyMethod}), drawn by the database on insert and never shown
     * or changed: the noise of a count of persons is derived from the sum of their keys.
     */
    @Column(name = "record_key", insertable = false, updatable = false)
    public int recordKey;

    /**
     * The keyed hash of the person's personal code (see {@code IdentityKeys}), linking this record to the same human's
     * records in other organisations; null without a code. Never shown: the API says only whether one is recorded.
     */
    @Column(name = "identity_link")
    public byte[] identityLink;

    /** How many keys of the identity key file {@link #identityLink} is wrapped under; null without a link. */
    @Column(name = "identity_layers")
    public Short identityLayers;

    /** The person, if {@code organisationId} holds them; 404 otherwise, so ids of others reveal nothing. */
    public static Person requireIn(UUID organisationId, UUID id) {
        return requireIn(organisationId, id, LockModeType.NONE);
    }

    /**
     * The person, row-locked for the rest of the transaction. Writes that touch a person and a programme or measure
     * lock the person first (erasure for update, referrals and outcomes for share), so they queue on the person
     * instead of deadlocking on the programme row that the places ledger and the foreign keys lock in other orders.
     */
    public static Person requireIn(UUID organisationId, UUID id, LockModeType lock) {
        Person person = id == null ? null : findById(id, lock);
        if (person == null || !person.organisation.id.equals(organisationId)) {
            throw new NotFound("Person", id);
        }
        return person;
    }

    @Override
    public String toString() {
        return "Person[" + id + "]"; // never the profile itself
    }
}
