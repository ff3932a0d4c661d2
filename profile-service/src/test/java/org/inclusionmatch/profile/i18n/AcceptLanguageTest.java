package org.inclusionmatch.profile.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.profile.i18n.Language.EN;
import static org.inclusionmatch.profile.i18n.Language.LV;

/** Headers as browsers, partners and attackers send them. No server needed. */
class AcceptLanguageTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "lv                                  | LV",
            "en                                  | EN",
            "EN                                  | EN",
            "en-GB                               | EN",
            "lv-LV,lv;q=0.9,en-US;q=0.8,en;q=0.7 | LV",
            "en-US,en;q=0.9,lv;q=0.8             | EN",
            "de-DE,de;q=0.9,en;q=0.5             | EN",
            "de, fr                              | LV",
            "*                                   | LV",
            "en;q=0.5, lv;q=0.4                  | EN",
            "lv;q=0.4, en;q=0.5                  | EN",
            "en;q=0, *                           | LV",
            "lv;q=0, *                           | EN",
            "lv;q=0                              | EN",
            "*;q=0                               | LV",
            "lv;q=0, en;q=0                      | LV",
            "en;q=1.0                            | EN",
            "en;q=1.5, lv;q=0.1                  | LV",
            "en;q=abc                            | LV",
            "en;q=0.0001                         | LV",
            "en;level=1                          | LV",
            "en;q=-1                             | LV",
            "lvx                                 | LV",
            "english                             | LV",
            "en-                                 | LV",
            "en_GB                               | LV",
            ";;;,,,                              | LV",
            "en, lv                              | EN",
            "lv, en                              | LV",
            "*, en;q=0.1                         | LV",
            "en, *                               | EN",
            "en-gb;q=0.8, en;q=0                 | EN",
    })
    void choosesTheLanguage(String header, Language expected) {
        assertThat(AcceptLanguage.negotiate(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\u0000", "en\u0000", "\r\nX-Injected: 1", "' OR 1=1 --", "<script>", "💥",
            "lv;q=0.5;q=0.9x", "*-*", "q=1"})
    void anythingUnreadableGetsTheFallback(String header) {
        assertThat(AcceptLanguage.negotiate(header, LV)).isEqualTo(LV);
        assertThat(AcceptLanguage.negotiate(header, EN)).isEqualTo(EN);
    }

    @Test
    void aHugeHeaderIsNotRead() {
        String huge = "xx;q=0.1,".repeat(10_000) + "en";
        long start = System.nanoTime();
        assertThat(AcceptLanguage.negotiate(huge)).isEqualTo(LV);
        assertThat(AcceptLanguage.negotiate("x,".repeat(200) + "en")).isEqualTo(LV); // en is past the 32nd range
        assertThat(System.nanoTime() - start).isLessThan(100_000_000L);
    }

    @Test
    void theConfiguredFallbackOnlyDecidesWhatTheHeaderLeavesOpen() {
        assertThat(AcceptLanguage.negotiate("de", EN)).isEqualTo(EN);
        assertThat(AcceptLanguage.negotiate("lv", EN)).isEqualTo(LV);
        assertThat(AcceptLanguage.negotiate("en;q=0", EN)).isEqualTo(LV);
        assertThat(AcceptLanguage.negotiate("*", EN)).isEqualTo(EN);
        assertThat(AcceptLanguage.negotiate("*", LV)).isEqualTo(LV);
        assertThat(AcceptLanguage.negotiate(null)).isEqualTo(Language.DEFAULT).isEqualTo(LV);
    }
}
