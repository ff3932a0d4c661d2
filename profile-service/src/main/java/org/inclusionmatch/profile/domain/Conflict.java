package org.inclusionmatch.profile.domain;

/** The change is valid on its own but not in the current state: a taken code, a duplicate, a forbidden transition. */
public final class Conflict extends DomainException {

    /** Which state refuses the change; each cause has its own problem type (common.ProblemType). */
    public enum Cause {
        DUPLICATE_CODE, DUPLICATE_EXTERNAL_REF, ILLEGAL_TRANSITION, ALREADY_ENROLLED, OUTCOME_EXISTS, NOT_RECOMMENDED,
        ALREADY_RECOMMENDED, STALE_PROFILE_VERSION, MATCHING_WITHDRAWN, ROUND_NOT_PROPOSED, ALREADY_KEPT_APART,
        CONSENT_NOT_ACTIVE, DUPLICATE_PERSONAL_CODE, PLACE_ALREADY_HELD
    }

    private final Cause cause;

    public Conflict(Cause cause, String detail) {
        super(detail);
        this.cause = cause;
    }

    public Cause cause() {
        return cause;
    }
}
