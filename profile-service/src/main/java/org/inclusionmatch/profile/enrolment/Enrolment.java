package org.inclusionmatch.profile.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.VersionedEntity;

import java.util.List;
import java.util.UUID;

/** A person's referral to a measure and what became of it. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends VersionedEntity {

    @Column(name = "person_id")
    public UUID personId;

    /** The person's organisation: whose case workers see and manage it. */
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Enumerated(EnumType.STRING)
    public EnrolmentStatus status;

    @Column(name = "holds_seat")
    public boolean holdsSeat;

    /** Order on the waitlist, from a sequence drawn under the measure's lock. */
    @Column(name = "waitlist_seq")
    public Long waitlistSeq;

    public String reason;

    // The referral's terms, set by ReferralTerms when it is made: what the provider reads besides the ids.

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String message;

    /** The needs this referral is meant to address, among the person's. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> needs;

    /** The goals this referral is meant to serve, among the person's. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> goals;

    @Override
    public String toString() {
        return "Enrolment[" + id + "]"; // never the contact or the message
    }
}
