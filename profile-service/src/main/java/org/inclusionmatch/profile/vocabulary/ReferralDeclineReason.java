package org.inclusionmatch.profile.vocabulary;

/**
 * Why a provider declined a referral (an enrolment moved to REJECTED, its {@code reason}): a closed list, the
 * referrer sees the code and its label. OTHER needs a {@code note}. What each means for matching is decided in
 * {@code enrolment.MatchingExclusion}. Not to be confused with {@link DeclineReason} (a case worker declining a
 * recommendation) or {@link EnrolmentReason} (the open codes of DROPPED and CANCELLED).
 */
public enum ReferralDeclineReason {
    NO_CAPACITY, NOT_ELIGIBLE, PERSON_DECLINED, PERSON_UNREACHABLE, SAFETY, OTHER
}
