package org.inclusionmatch.profile.domain;

/** The caller is who they say, but their organisation may not do this. */
public final class NotPermitted extends DomainException {

    /** Why not; each cause has its own problem type (common.ProblemType). */
    public enum Cause {
        /** The caller's role or organisation may not do this at all. */
        FORBIDDEN,
        /** The move belongs to the other organisation of a referral; the detail names whose it is. */
        OTHER_SIDES_MOVE
    }

    private final Cause cause;

    public NotPermitted(String detail) {
        this(Cause.FORBIDDEN, detail);
    }

    public NotPermitted(Cause cause, String detail) {
        super(detail);
        this.cause = cause;
    }

    public Cause cause() {
        return cause;
    }
}
