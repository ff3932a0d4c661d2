package org.inclusionmatch.profile.i18n;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inclusion.i18n")
public interface I18nConfig {

    /**
     * The language of an answer to a request without {@code Accept-Language}, or one naming no language we speak.
     * Latvian: the audience is Latvian. The test profile sets {@code en} so that the suite's older assertions on
     * English problem texts hold; the language tests send the header explicitly.
     */
    @WithDefault("lv")
    Language defaultLanguage();
}
