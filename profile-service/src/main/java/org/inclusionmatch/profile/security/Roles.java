package org.inclusionmatch.profile.security;

/** The roles a token's {@code groups} claim can hold. */
public final class Roles {
    /** Manages organisations and the catalogue; person data only within its own organisation. */
    public static final String ADMIN = "ADMIN";
    /** Works with the persons of their organisation; may maintain measures their organisation provides. */
    public static final String CASEWORKER = "CASEWORKER";
    /** A partner NGO's staff: read the persons of their organisation. */
    public static final String PARTNER = "PARTNER";
    /** The matching worker's service identity: reads matching views, writes recommendations. */
    public static final String MATCHER = "MATCHER";
    /** Reads the audit log. */
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
