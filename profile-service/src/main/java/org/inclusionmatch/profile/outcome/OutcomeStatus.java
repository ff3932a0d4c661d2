package org.inclusionmatch.profile.outcome;

/** Where a participant stands at the end of a programme period. The first three count as included. */
public enum OutcomeStatus {
    EMPLOYED, SELF_EMPLOYED, IN_EDUCATION, NOT_INCLUDED;

    public boolean isIncluded() {
        return this != NOT_INCLUDED;
    }
}
