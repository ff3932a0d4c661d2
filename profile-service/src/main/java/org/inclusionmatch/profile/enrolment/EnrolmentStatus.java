package org.inclusionmatch.profile.enrolment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an enrolment. WAITLISTED waits for a place and is promoted to REFERRED when one frees; REFERRED,
 * ACCEPTED and ENROLLED hold a place; REJECTED, COMPLETED, DROPPED and CANCELLED are final and free it.
 */
public enum EnrolmentStatus {
    WAITLISTED, REFERRED, ACCEPTED, REJECTED, ENROLLED, COMPLETED, DROPPED, CANCELLED;

    public Set<EnrolmentStatus> next() {
        return switch (this) {
            case WAITLISTED -> EnumSet.of(CANCELLED); // promotion to REFERRED is the system's, when a place frees
            case REFERRED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(ENROLLED, CANCELLED);
            case ENROLLED -> EnumSet.of(COMPLETED, DROPPED, CANCELLED);
            case REJECTED, COMPLETED, DROPPED, CANCELLED -> EnumSet.noneOf(EnrolmentStatus.class);
        };
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
