package org.inclusionmatch.profile.enrolment;

import java.util.Set;

/**
 * The life of an enrolment. WAITLISTED waits for a place and is promoted to REFERRED when one frees; REFERRED,
 * ACCEPTED and ENROLLED hold a place; REJECTED, COMPLETED, DROPPED, CANCELLED and EXPIRED are final and free it.
 * EXPIRED is the system's move from a REFERRED the provider left unanswered past its answer-by date
 * ({@link EnrolmentService#expire}); like promotion, it is not among the moves a caller may ask for ({@link #next()}).
 */
public enum EnrolmentStatus {
    WAITLISTED, REFERRED, ACCEPTED, REJECTED, ENROLLED, COMPLETED, DROPPED, CANCELLED, EXPIRED;

    /** The statuses an organisation may move it to next (see {@link EnrolmentMoves} for which side makes each). */
    public Set<EnrolmentStatus> next() {
        return EnrolmentMoves.next(this);
    }

    public boolean holdsPlace() {
        return this == REFERRED || this == ACCEPTED || this == ENROLLED;
    }

    public boolean isOpen() {
        return !next().isEmpty();
    }

    /** Moves that need a reason code. */
    public boolean needsReason() {
        return this == REJECTED || this == DROPPED || this == CANCELLED;
    }
}
