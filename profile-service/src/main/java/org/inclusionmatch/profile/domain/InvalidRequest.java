package org.inclusionmatch.profile.domain;

/** A request that cannot be served as asked, though no single field is wrong (two alternatives given, say). */
public final class InvalidRequest extends DomainException {

    public InvalidRequest(String detail) {
        super(detail);
    }
}
