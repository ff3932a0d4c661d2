package org.inclusionmatch.profile.i18n;

import java.util.Locale;

/**
 * The languages the API answers in. Latvian is the default: the people who use this service are Latvian case
 * workers, NGOs and municipalities, so a request that names no language we speak is answered in Latvian.
 */
public enum Language {
    LV, EN;

    public static final Language DEFAULT = LV;

    /** The ISO 639-1 tag, as sent in {@code Content-Language}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
