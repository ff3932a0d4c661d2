package org.inclusionmatch.profile.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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

    /** A code: for REJECTED one of {@code ReferralDeclineReason}, for DROPPED and CANCELLED an open code. */
    public String reason;

    /** Free text beside the reason (required with REJECTED / OTHER), at most 500 characters. */
    @Column(name = "reason_note")
    public String note;

    /**
     * When the provider should answer: set when the enrolment becomes REFERRED (referred with a free place, or
     * promoted from the waitlist), kept when it EXPIRED. An instant rather than a date: the job compares it with
     * the clock, a referrer may name the hour, and no time zone has to be agreed between organisations.
     */
    @Column(name = "answer_by")
    public Instant answerBy;

    /** The person's profile version when the provider declined them as NOT_ELIGIBLE (see MatchingExclusion). */
    @Column(name = "decline_person_version")
    public Long declinePersonVersion;

    /**
     * The provider's inbox order, as an HQL clause to append to a query of enrolments: REFERRED ones by answer-by date
     * (the overdue first, since theirs are the earliest), then every other (waiting, answered, closed: an EXPIRED one
     * keeps the date that passed, so a plain sort by date would put it first), oldest first.
     */
    public static final String INBOX_ORDER = " order by case when status = "
            + "org.inclusionmatch.profile.enrolment.EnrolmentStatus.REFERRED then answerBy end asc nulls last, createdAt, id";

    /** The answer-by date as both sides see it: while REFERRED, and the one that passed once EXPIRED; null otherwise. */
    public Instant shownAnswerBy() {
        return status == EnrolmentStatus.REFERRED || status == EnrolmentStatus.EXPIRED ? answerBy : null;
    }

    /** While REFERRED, whether its answer-by date has passed; null in every other status. */
    public Boolean overdue() {
        return status == EnrolmentStatus.REFERRED && answerBy != null ? answerBy.isBefore(Instant.now()) : null;
    }

    /**
     * The sides of this referral an organisation is on, given the measure's provider: the referrer (the person's
     * organisation), the provider, both (a referral to its own measure), or none (it may not see the referral).
     */
    public Set<ReferralSide> sidesOf(UUID organisation, UUID providerId) {
        Set<ReferralSide> sides = EnumSet.noneOf(ReferralSide.class);
        if (organisationId.equals(organisation)) {
            sides.add(ReferralSide.REFERRER);
        }
        if (organisation.equals(providerId)) {
            sides.add(ReferralSide.PROVIDER);
        }
        return sides;
    }

    /** The measure's provider, by a plain query, so the measure is not loaded before SeatLedger locks it. */
    static UUID providerOf(UUID measureId) {
        return getEntityManager().createQuery("select m.provider.id from Measure m where m.id = :id", UUID.class)
                .setParameter("id", measureId).getSingleResult();
    }

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
