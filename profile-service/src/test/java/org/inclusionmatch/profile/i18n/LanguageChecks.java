package org.inclusionmatch.profile.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What an answer in the wrong language, or a code left as a code, looks like: shared by the tests that walk the texts. */
final class LanguageChecks {

    /**
     * Common English words. A Latvian sentence has none of them; what it keeps from English is the API's own words
     * (JSON field names, enum values, headers, media types), which none of these is.
     */
    static final Set<String> ENGLISH = Set.of("the", "is", "are", "was", "be", "must", "not", "of", "and", "or",
            "has", "have", "with", "for", "this", "that", "your", "only", "already", "cannot", "does", "give", "send",
            "when", "after", "before", "than", "at", "in", "on", "it", "its", "none", "person",
            "people", "place", "places", "left", "meant", "offered", "covers", "need", "goal", "region", "rule",
            "would", "were", "which", "who", "by", "an", "aged", "under", "over", "about");

    /** A vocabulary code as the API writes it (FIRST_JOB, OVER_50), or one of the one-word codes of the lists. */
    static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b(?:RIGA|PIERIGA|VIDZEME|KURZEME|ZEMGALE"
            + "|LATGALE|PARTICIPANT|FACILITATOR|HOUSING|LEGAL|MOTIVATION|NETWORK|FINANCING|LEADERSHIP|PREMISES|SUCCESSION"
            + "|PSYCHOLOGICAL|EDUCATION|ROMA|WOMEN|SENIOR|MIGRANT|DISABILITY|ADDICTION|NEET|CARER|FOUNDER|BEGINNER|SURVIVOR"
            + "|MENTORING|CONSULTATION|TRAINING|GRANT|INCUBATION|NETWORKING|INFORMATION|FEMALE|MALE|MEASURE|PROGRAMME)\\b");

    /** What CEL looks like. */
    static final Pattern CEL = Pattern.compile("<=|>=|==|!=|&&|\\|\\||\\bperson\\.|\\.exists\\(|'[A-Za-z0-9_-]+'");

    private LanguageChecks() {
    }

    /** The English words of a text that is meant to be Latvian. */
    static List<String> englishWords(String text) {
        return Arrays.stream(text.split("[^\\p{L}0-9_]+"))
                .filter(word -> !(word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)))) // a code: OVER_50, ACCEPT
                .flatMap(word -> Arrays.stream(word.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
                .filter(ENGLISH::contains).toList();
    }
}
