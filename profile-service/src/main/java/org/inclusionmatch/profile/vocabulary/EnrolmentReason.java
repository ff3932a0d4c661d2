package org.inclusionmatch.profile.vocabulary;

/** Why an enrolment was rejected, dropped or cancelled ({@code reason}); open, as {@link Need}. */
public enum EnrolmentReason {
    NO_CAPACITY, NOT_ELIGIBLE, CHANGED_MIND, FOUND_WORK, HEALTH, NO_CONTACT, OTHER
}
