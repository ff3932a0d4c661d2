package org.inclusionmatch.profile.domain;

/** An input larger than the service takes (too many records, say); the detail says the limit and what was kept. */
public final class OverLimit extends DomainException {

    public OverLimit(String detail) {
        super(detail);
    }
}
