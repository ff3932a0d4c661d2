package org.inclusionmatch.profile.vocabulary;

/**
 * Patterns for open vocabularies. Needs, goals and target groups are codes rather than enums so that a partner
 * can introduce a new one without a release; they must still look like codes.
 */
public final class Codes {
    /** A record's stable external key, e.g. {@code LRC-PIE-CAREER}. */
    public static final String RECORD_CODE = "^[A-Z0-9][A-Z0-9_.-]{1,63}$";
    /** A need, goal or target-group code, e.g. {@code DIGITAL_SKILLS}. */
    public static final String TAG = "^[A-Z][A-Z0-9_]{1,63}$";
    /** An ISO 639 language code, e.g. {@code lv}. */
    public static final String LANGUAGE = "^[a-z]{2,3}$";

    private Codes() {
    }
}
