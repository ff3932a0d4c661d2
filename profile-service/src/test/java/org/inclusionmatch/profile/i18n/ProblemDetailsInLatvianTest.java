package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem detail and violation message the service writes has a Latvian text. Walks the producers in the
 * source (each domain exception, each problem and violation built, each constraint annotation and its message) and
 * holds every English phrase they write to a template; renders every template in Latvian; and checks that no
 * Latvian text carries English words.
 */
class ProblemDetailsInLatvianTest {

    /** The calls that write a problem's detail or a violation's message, up to their opening parenthesis. */
    private static final Pattern PRODUCER = Pattern.compile("new (?:NotFound|Conflict|StaleVersion|PreconditionRequired"
            + "|NotPermitted|InvalidRequest|RuleViolation|OverLimit|UnsupportedFormat|InvalidRuleException|RuleLimitException"
            + "|(?:InvalidInput\\.)?FieldError|(?:Problem\\.)?Violation)\\(|InvalidInput\\.(?:field|rule|fields|datesInFuture)\\("
            + "|NotFound\\.absent\\(|Problem\\.(?:of|validation)\\(|super\\(|[(,]\\s*message = ");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Path[] SOURCES = {Path.of("src/main/java"),
            Path.of("../contracts/src/main/java/org/inclusionmatch/contracts/eligibility")};

    /** The English phrases of every producer: the string literals of its arguments, with two words or more. */
    static Map<String, String> writtenPhrases() throws IOException {
        Map<String, String> phrases = new HashMap<>();
        for (Path root : SOURCES) {
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("ProblemTexts.java")).toList()) {
                    String source = Files.readString(file);
                    Matcher producer = PRODUCER.matcher(source);
                    while (producer.find()) {
                        if (producer.group().equals("super(") && !file.toString().contains("/domain/")) {
                            continue; // a domain exception builds its detail in its constructor; other classes' super calls are not details
                        }
                        String arguments = arguments(source, producer.end());
                        Matcher literal = LITERAL.matcher(arguments);
                        while (literal.find()) {
                            String phrase = literal.group(1).replace("\\\"", "\"").replaceAll("^[\\s;:,.()'\"]+|[\\s;:,.()'\"]+$", "");
                            if (phrase.contains(" ") && phrase.matches(".*[a-z]{2,}.*")) { // words, not a field's path
                                phrases.put(phrase, file.getFileName().toString());
                            }
                        }
                    }
                }
            }
        }
        return phrases;
    }

    /** The text from {@code start} to the parenthesis that closes the call (or the end of an annotation's attribute). */
    private static String arguments(String source, int start) {
        int depth = 1;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\'' && i + 3 < source.length() && source.charAt(i + 2) == '\'') { // a char literal: '(' or '"' is not code
                i += 2;
            } else if (c == '\'' && i + 3 < source.length() && source.charAt(i + 1) == '\\' && source.charAt(i + 3) == '\'') {
                i += 3;
            } else if (c == '"') {
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\') i++;
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(start, i);
            }
        }
        return source.substring(start);
    }

    private static List<String> englishTemplateTexts() {
        List<String> texts = new ArrayList<>();
        for (String key : Messages.keys(Language.EN)) {
            if (key.startsWith("detail.") || key.startsWith("violation.") || key.startsWith("term.") || key.startsWith("title.")) {
                texts.add(Messages.text(Language.EN, key).orElseThrow());
            }
        }
        return texts;
    }

    @Test
    void everyPhraseTheServiceWritesIntoAProblemHasATemplate() throws IOException {
        Map<String, String> phrases = writtenPhrases();
        assertThat(phrases).as("the walk finds the producers").hasSizeGreaterThan(80)
                .containsKeys("is required when moving to", "must not exceed capacity", "is not visible to your organisation");
        List<String> templates = englishTemplateTexts();
        Set<String> uncovered = new TreeSet<>();
        phrases.forEach((phrase, file) -> {
            // a phrase is part of a template's text, or is a whole message (with the value written after it) one renders
            boolean rendered = Stream.of(phrase, phrase + " 7").anyMatch(message ->
                    ProblemTexts.detail(Language.LV, message).isPresent() || ProblemTexts.violation(Language.LV, message).isPresent());
            if (!rendered && templates.stream().noneMatch(template -> template.contains(phrase))) {
                uncovered.add(file + ": " + phrase);
            }
        });
        assertThat(uncovered).as("phrases without a detail.* or violation.* template").isEmpty();
    }

    @Test
    void everyConstraintTheServiceUsesHasALatvianMessage() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/hibernate/validator/ValidationMessages.properties")) {
            defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> used = new TreeSet<>();
        try (var files = Files.walk(SOURCES[0])) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("jakarta.validation.constraints")) continue;
                Matcher annotation = Pattern.compile("@([A-Z][A-Za-z]+)\\b").matcher(source);
                while (annotation.find()) {
                    if (defaults.containsKey("jakarta.validation.constraints." + annotation.group(1) + ".message")) {
                        used.add(annotation.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("NotNull", "Size", "Pattern", "Min", "Max");
        for (String constraint : used) {
            String template = defaults.getProperty("jakarta.validation.constraints." + constraint + ".message");
            for (String message : interpolations(template)) {
                String latvian = ProblemTexts.violation(Language.LV, message).orElse(null);
                assertThat(latvian).as(constraint + ": " + message).isNotNull();
                assertThat(LanguageChecks.englishWords(latvian)).as(latvian).isEmpty();
            }
        }
    }

    /** The messages a Bean Validation template gives: placeholders filled, the inclusive/exclusive choice both ways. */
    private static List<String> interpolations(String template) {
        List<String> messages = new ArrayList<>();
        for (String inclusive : List.of("or equal to ", "")) {
            messages.add(template.replaceAll("\\$\\{inclusive == true \\? 'or equal to ' : ''}", inclusive)
                    .replaceAll("\\{[a-z]+}", "7"));
        }
        return messages.stream().distinct().toList();
    }

    @Test
    void everyTemplateRendersInLatvianWithoutEnglish() {
        String term = "Person";
        for (String prefix : List.of("detail.", "violation.")) {
            for (ProblemTexts.Template template : ProblemTexts.templates(prefix)) {
                String english = Messages.format(Messages.text(Language.EN, template.key()).orElseThrow(),
                        sampleValues(template.names(), term));
                String latvian = (prefix.equals("detail.") ? ProblemTexts.detail(Language.LV, english)
                        : ProblemTexts.violation(Language.LV, english)).orElse(null);
                assertThat(latvian).as(template.key() + ": " + english).isNotNull().isNotEqualTo(english);
                assertThat(LanguageChecks.englishWords(latvian)).as(template.key() + ": " + latvian).isEmpty();
            }
        }
    }

    private static Map<String, String> sampleValues(List<String> names, String term) {
        Map<String, String> values = new HashMap<>();
        names.forEach(name -> values.put(name, name.endsWith("Term") ? term : "7"));
        return values;
    }

    /** The details a user met in English under a Latvian title, now in Latvian, the field names kept. */
    @Test
    void theDetailsUsersMetAreLatvianWithTheirFieldsKept() {
        Problem seats = Problem.validation("seatsTaken: must not exceed capacity (12)",
                List.of(new Problem.Violation("seatsTaken", "must not exceed capacity (12)")));
        Problem latvian = ProblemTexts.in(Language.LV, seats);
        assertThat(latvian.title()).isEqualTo("Nederīgs pieprasījums");
        assertThat(latvian.detail()).isEqualTo("seatsTaken: nedrīkst pārsniegt ietilpību (12)");
        assertThat(latvian.violations()).containsExactly(new Problem.Violation("seatsTaken", "nedrīkst pārsniegt ietilpību (12)"));

        Problem reason = Problem.validation("reason: is required when moving to REJECTED; one of [NO_CAPACITY, OTHER]",
                List.of(new Problem.Violation("reason", "is required when moving to REJECTED; one of [NO_CAPACITY, OTHER]")));
        assertThat(ProblemTexts.in(Language.LV, reason).detail())
                .isEqualTo("reason: ir obligāts, pārejot uz REJECTED; viens no: [NO_CAPACITY, OTHER]");

        Problem beanValidation = Problem.validation("code must not be null; items[0].score must be less than or equal to 1",
                List.of(new Problem.Violation("code", "must not be null"),
                        new Problem.Violation("items[0].score", "must be less than or equal to 1")));
        Problem rendered = ProblemTexts.in(Language.LV, beanValidation);
        assertThat(rendered.detail()).isEqualTo("code ir obligāts (nedrīkst būt null); items[0].score jābūt mazākam par 1 vai vienādam ar to");
        assertThat(rendered.violations()).extracting(Problem.Violation::field).containsExactly("code", "items[0].score");

        assertThat(ProblemTexts.detail(Language.LV, "5 field(s) of the catalogue are invalid: measures[2].kind must not be null"))
                .contains("Katalogā ir nederīgi lauki (5): measures[2].kind ir obligāts (nedrīkst būt null)");
        assertThat(ProblemTexts.detail(Language.LV, "Moving a referral from REFERRED to ACCEPTED is the provider's move "
                + "(the organisation that provides the measure); your organisation is the referrer here. Your moves from REFERRED: [CANCELLED]"))
                .contains("Nosūtījumu no REFERRED uz ACCEPTED pārvieto otra puse: pakalpojuma sniedzējs (organizācija, kas sniedz "
                        + "pasākumu); jūsu organizācija šeit ir nosūtītājs. Jūsu iespējamās darbības no REFERRED: [CANCELLED]");
        assertThat(ProblemTexts.violation(Language.LV, "must be an English phrase nobody translated")).as("a generic template "
                + "passes no English through").isEmpty();
        assertThat(ProblemTexts.in(Language.EN, seats)).isSameAs(seats);

        // a person import's refused lines, in its 422 and in its report
        var line = new org.inclusionmatch.profile.person.ImportReport.LineError(7, "CASE-7", "birthYear: must not be in the future",
                List.of(new Problem.Violation("birthYear", "must not be in the future")));
        var rejected = new org.inclusionmatch.profile.person.ImportRejected(ProblemType.IMPORT_REJECTED.uri(),
                ProblemType.IMPORT_REJECTED.title(), 422, "1 of 20 records are invalid; with atomic=true nothing was stored",
                20, 1, List.of(line), false, "req-1");
        var latvianImport = ProblemTexts.in(Language.LV, rejected);
        assertThat(latvianImport.detail()).isEqualTo("Nederīgi ir 1 no 20 ierakstiem; ar atomic=true nekas netika saglabāts");
        assertThat(latvianImport.title()).isEqualTo(ProblemTexts.title(Language.LV, ProblemType.IMPORT_REJECTED));
        assertThat(latvianImport.errors()).singleElement().satisfies(error -> {
            assertThat(error.detail()).isEqualTo("birthYear: nedrīkst būt nākotnē");
            assertThat(error.errors()).containsExactly(new Problem.Violation("birthYear", "nedrīkst būt nākotnē"));
        });
        assertThat(latvianImport.requestId()).isEqualTo("req-1");
        assertThat(ProblemTexts.title(Language.LV, ProblemType.VALIDATION)).isEqualTo("Nederīgs pieprasījums");
    }
}
