package org.inclusionmatch.profile.domain;

/** The caller is who they say, but their organisation may not do this. */
public final class NotPermitted extends DomainException {

    public NotPermitted(String detail) {
        super(detail);
    }
}
