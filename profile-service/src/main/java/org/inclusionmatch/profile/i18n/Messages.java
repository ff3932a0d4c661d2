package org.inclusionmatch.profile.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the API in each {@link Language}: {@code i18n/messages_<tag>.properties}, read as UTF-8. Loaded
 * explicitly per language rather than through {@link java.util.ResourceBundle}, whose fallback to the JVM's default
 * locale would make a missing Latvian text silently English on one machine and Latvian on another; a missing text
 * is found by {@code VocabularyLabelsTest} instead.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9]+)}");
    private static final Map<Language, Properties> TEXTS = load();

    private Messages() {
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = "i18n/messages_" + language.tag() + ".properties";
            Properties properties = new Properties();
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts.put(language, properties);
        }
        return texts;
    }

    public static Optional<String> text(Language language, String key) {
        return Optional.ofNullable(TEXTS.get(language).getProperty(key));
    }

    public static Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    /** The label of a code, or the code itself when it has none (an open list's new code). */
    public static String label(Language language, CodeList list, String code) {
        return text(language, list.labelKey(code)).orElse(code);
    }

    /** Fills {@code {name}} placeholders; a placeholder without a value stays as it is. */
    public static String format(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new java.util.TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
