package org.inclusionmatch.profile.domain;

/** The record does not exist, or not for this caller (ids of others' records reveal nothing). */
public final class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
