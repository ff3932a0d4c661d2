package org.inclusionmatch.profile.i18n;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the answer's language from an {@code Accept-Language} header (RFC 9110 section 12.5.4, ranges matched as
 * RFC 4647 "lookup": {@code en-GB} asks for {@code en}). Never fails: a header we cannot read, or one that names no
 * language we speak, gets the fallback (the configured default, Latvian unless set). A language refused with {@code q=0} is not chosen even by a
 * wildcard; when every language is refused the fallback is used (a server may ignore the header, RFC 9110), rather
 * than a 406 that would leave a form without labels.
 */
public final class AcceptLanguage {

    /** Longer headers are not read (browsers send a few dozen characters): the default is used. */
    static final int MAX_LENGTH = 1024;
    static final int MAX_RANGES = 32;
    private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private AcceptLanguage() {
    }

    public static Language negotiate(String header) {
        return negotiate(header, Language.DEFAULT);
    }

    /** As {@link #negotiate(String)}, with {@code fallback} for a header that names nothing we speak. */
    public static Language negotiate(String header, Language fallback) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return fallback;
        }
        List<Range> ranges = parse(header);
        Map<Language, Range> best = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            for (Range range : ranges) {
                if (!range.matches(language)) continue;
                Range current = best.get(language);
                // the most specific range decides (RFC 9110: "en;q=0, *" refuses English)
                if (current == null || range.specificity() > current.specificity()) {
                    best.put(language, range);
                }
            }
        }
        Language chosen = null;
        Range chosenRange = null;
        for (Language language : preferenceOrder(fallback)) { // on a tie (a wildcard, say) the fallback first
            Range range = best.get(language);
            if (range == null || range.quality() == 0) continue;
            if (chosen == null || range.quality() > chosenRange.quality()
                    || (range.quality() == chosenRange.quality() && range.position() < chosenRange.position())) {
                chosen = language;
                chosenRange = range;
            }
        }
        if (chosen != null) {
            return chosen;
        }
        // Nothing asked for that we speak: the default unless it was refused, then any language not refused.
        for (Language language : preferenceOrder(fallback)) {
            Range range = best.get(language);
            if (range == null || range.quality() > 0) {
                return language;
            }
        }
        return fallback;
    }

    private static List<Language> preferenceOrder(Language fallback) {
        List<Language> order = new ArrayList<>(List.of(Language.values()));
        order.remove(fallback);
        order.addFirst(fallback);
        return order;
    }

    /** Reads the ranges it can; an element that is not a well-formed range with a well-formed weight is skipped. */
    static List<Range> parse(String header) {
        List<Range> ranges = new ArrayList<>();
        String[] elements = header.split(",", MAX_RANGES + 1);
        for (int i = 0; i < Math.min(elements.length, MAX_RANGES); i++) {
            String[] parts = elements[i].split(";", -1);
            String tag = parts[0].strip();
            if (!RANGE.matcher(tag).matches()) continue;
            double quality = 1.0;
            boolean valid = true;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].strip();
                if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))
                        && QVALUE.matcher(parameter.substring(2)).matches()) {
                    quality = Double.parseDouble(parameter.substring(2));
                } else {
                    valid = false;
                }
            }
            if (valid) {
                ranges.add(new Range(tag.toLowerCase(Locale.ROOT), quality, i));
            }
        }
        return ranges;
    }

    record Range(String tag, double quality, int position) {
        boolean matches(Language language) {
            return tag.equals("*") || tag.equals(language.tag()) || tag.startsWith(language.tag() + "-");
        }

        int specificity() {
            return tag.equals("*") ? 0 : tag.length();
        }
    }
}
