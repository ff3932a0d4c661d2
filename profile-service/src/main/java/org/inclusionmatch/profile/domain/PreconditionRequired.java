package org.inclusionmatch.profile.domain;

/** A write that must name the version it was based on (If-Match) and does not: lost updates are not allowed. */
public final class PreconditionRequired extends DomainException {

    public PreconditionRequired(String detail) {
        super(detail);
    }
}
