package org.inclusionmatch.profile.domain;

/** An input in a format the use case does not read; the detail names the format it does read. */
public final class UnsupportedFormat extends DomainException {

    public UnsupportedFormat(String detail) {
        super(detail);
    }
}
