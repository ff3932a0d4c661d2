package org.inclusionmatch.profile.enrolment;

/** The party that makes a move on a referral. */
public enum ReferralSide {
    /** The person's organisation, which sent the referral (a probation office, a municipal social service). */
    REFERRER,
    /** The organisation that provides the measure (a social enterprise, an NGO running a half-way house). */
    PROVIDER,
    /** The service itself: waitlist promotion when a place frees. */
    SYSTEM
}
