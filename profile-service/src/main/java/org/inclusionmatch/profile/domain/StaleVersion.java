package org.inclusionmatch.profile.domain;

/** The caller's copy is older than the record: the version they name is not the current one. */
public final class StaleVersion extends DomainException {

    private final long current;

    public StaleVersion(long current, String expected) {
        super("If-Match " + expected + " does not match the current version \"" + current
                + "\"; read the resource again and retry");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
