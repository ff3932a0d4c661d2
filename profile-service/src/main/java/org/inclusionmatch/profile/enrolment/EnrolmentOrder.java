package org.inclusionmatch.profile.enrolment;

/** The order of a list of enrolments ({@code sort}). */
public enum EnrolmentOrder {
    /** Oldest referral first (the default). */
    CREATED_AT,
    /** Earliest answer-by date first, so the overdue lead; enrolments without one (not REFERRED) last. The inbox. */
    ANSWER_BY
}
