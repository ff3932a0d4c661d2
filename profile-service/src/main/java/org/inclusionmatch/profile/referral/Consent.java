package org.inclusionmatch.profile.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person's consent to share named categories of their profile with one recipient (the provider of the referral's
 * measure) for one purpose (that referral), as recorded by their organisation. It ends when the person withdraws it
 * or when the referral closes; neither needs a job, since {@link #status} is computed from the referral when read.
 * Kept after it ends: the person's export lists every consent.
 */
@Entity
@Table(name = "consent")
public class Consent extends VersionedEntity {

    @Column(name = "person_id")
    public UUID personId;

    /** The person's organisation, which recorded the consent. */
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "recipient_organisation_id")
    public UUID recipientOrganisationId;

    /** The purpose: the referral (enrolment) the data is shared for. */
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> categories;

    @Column(name = "given_on")
    public LocalDate givenOn;

    /** The subject of the token that recorded it. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    /**
     * Withdrawn; else lapsed once the referral is in a final status (any status without a next move, so one added
     * later, such as an expiry, counts too) or once the recipient no longer provides the referral's measure; else active.
     */
    public ConsentStatus status(EnrolmentStatus referral, UUID provider) {
        if (withdrawnAt != null) {
            return ConsentStatus.WITHDRAWN;
        }
        return referral == null || !referral.isOpen() || !recipientOrganisationId.equals(provider)
                ? ConsentStatus.LAPSED : ConsentStatus.ACTIVE;
    }

    public Set<ShareCategory> categorySet() {
        Set<ShareCategory> set = EnumSet.noneOf(ShareCategory.class);
        categories.forEach(c -> set.add(ShareCategory.valueOf(c)));
        return set;
    }

    @Override
    public String toString() {
        return "Consent[" + id + "]"; // never the categories: naming one can reveal a special category
    }
}
