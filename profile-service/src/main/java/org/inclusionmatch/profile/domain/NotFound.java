package org.inclusionmatch.profile.domain;

/**
 * The record is not one the caller may see: it does not exist, or it belongs to another organisation. The detail
 * says the same in both cases ("... is not visible to your organisation"), so an id of another organisation's record
 * (a person's, above all) never tells whether it exists.
 */
public final class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " is not visible to your organisation");
    }

    private NotFound(String detail) {
        super(detail);
    }

    /** Something that is the same for every caller, such as a code list: when it is not found, it does not exist. */
    public static NotFound absent(String what, Object name) {
        return new NotFound(what + " " + name + " does not exist");
    }
}
