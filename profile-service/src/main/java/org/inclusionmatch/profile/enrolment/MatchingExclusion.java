package org.inclusionmatch.profile.enrolment;

import jakarta.persistence.TypedQuery;
import org.inclusionmatch.profile.vocabulary.ReferralDeclineReason;

import java.util.List;

/**
 * Which enrolments keep their measure out of the person's recommendations: the one rule the matching view, and so
 * the worker, reads ({@link EnrolmentService#enrolledMeasures}).
 * <ul>
 *   <li>Waiting, holding a place (REFERRED, ACCEPTED, ENROLLED), COMPLETED or DROPPED: excluded.</li>
 *   <li>CANCELLED or EXPIRED (the provider never answered): not excluded, the measure may be recommended again.</li>
 *   <li>REJECTED, by the provider's reason: NO_CAPACITY, PERSON_UNREACHABLE and OTHER may pass, so not excluded;
 *       NOT_ELIGIBLE excluded while the person's profile is the version it was at the decline (a profile change may
 *       make them eligible); PERSON_DECLINED and SAFETY, and codes from before the list, excluded.</li>
 * </ul>
 * A move that lifts an exclusion at once fires {@link EnrolmentEvent.MayBeRecommendedAgain} (or {@code Cancelled}),
 * which re-matches the person; a NOT_ELIGIBLE exclusion is lifted by the profile change itself, whose event does.
 */
final class MatchingExclusion {

    /** Declines after which the measure may be offered again at once. */
    static final List<String> REJECTIONS_THAT_PASS = List.of(ReferralDeclineReason.NO_CAPACITY.name(),
            ReferralDeclineReason.PERSON_UNREACHABLE.name(), ReferralDeclineReason.OTHER.name());

    /** Ends after which the measure may be offered again, whatever the reason. */
    static final List<EnrolmentStatus> NEVER_EXCLUDING = List.of(EnrolmentStatus.CANCELLED, EnrolmentStatus.EXPIRED);

    /**
     * The JPQL condition on {@code e} (an Enrolment) and {@code p} (its Person) under which the enrolment excludes
     * its measure; parameters {@code neverExcluding}, {@code rejected}, {@code passing}, {@code notEligible}.
     * A NOT_ELIGIBLE decline without a recorded version holds, as every decline did before the version was kept.
     */
    static final String EXCLUDES = "e.status not in :neverExcluding and not (e.status = :rejected and (e.reason in :passing"
            + " or (e.reason = :notEligible and coalesce(e.declinePersonVersion, p.version) <> p.version)))";

    private MatchingExclusion() {
    }

    /** Whether moving to {@code status} with {@code reason} lets the measure be recommended to the person again at once. */
    static boolean liftedAtOnce(EnrolmentStatus status, String reason) {
        return NEVER_EXCLUDING.contains(status) || status == EnrolmentStatus.REJECTED && REJECTIONS_THAT_PASS.contains(reason);
    }

    static TypedQuery<Object[]> bind(TypedQuery<Object[]> query) {
        return query.setParameter("neverExcluding", NEVER_EXCLUDING)
                .setParameter("rejected", EnrolmentStatus.REJECTED)
                .setParameter("passing", REJECTIONS_THAT_PASS)
                .setParameter("notEligible", ReferralDeclineReason.NOT_ELIGIBLE.name());
    }
}
