package org.inclusionmatch.profile.domain;

/** The change is valid on its own but not in the current state: a taken code, a duplicate, a forbidden transition. */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(detail);
    }
}
