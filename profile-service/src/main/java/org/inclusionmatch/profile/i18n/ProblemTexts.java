package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemType;
import org.inclusionmatch.profile.person.ImportRejected;
import org.inclusionmatch.profile.person.ImportReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem document in the asked language. The service writes problems in English, so an English answer is left as
 * written (its title is the catalogue's, {@link ProblemType}). In another language the title is looked up by the
 * problem's type ({@code problem.<slug>.title}); the detail and each violation's message by matching them against
 * the English templates and rendering the same template in that language with the same values:
 * <ul>
 * <li>{@code detail.*}: whole details ("Person 3f… is not visible to your organisation");</li>
 * <li>{@code violation.*}: the message of one invalid field ("must not exceed capacity (12)"). A detail made of the
 * violations ("seatsTaken: must not exceed capacity (12)", "code must not be null; kind must not be null") is
 * rendered part by part, each field name kept as the JSON field it is.</li>
 * </ul>
 * A value that fills a placeholder is itself rendered: a {@code term.*} (the name of a resource, a type), else a
 * template. A placeholder whose name ends in {@code Term} matches only a value that has a term, so a generic
 * template ("must be {typeTerm}") never passes an English phrase through. Templates are tried most specific first
 * (the most literal text). {@code ProblemDetailsInLatvianTest} holds every message the service writes to a template.
 */
public final class ProblemTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9]+)}");
    /** A JSON path (needs[2], measures[0].code) before a field's message. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\[\\]-]*)(: | )(.+)", Pattern.DOTALL);
    /** The English terms as a regular expression group, longest first. */
    private static final String TERMS = Messages.keys(Language.EN).stream().filter(key -> key.startsWith("term."))
            .map(key -> Messages.text(Language.EN, key).orElseThrow())
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote).collect(java.util.stream.Collectors.joining("|", "(", ")"));
    private static final List<Template> DETAILS = templates("detail.");
    private static final List<Template> VIOLATIONS = templates("violation.");

    private ProblemTexts() {
    }

    public static Problem in(Language language, Problem problem) {
        if (language == Language.EN || problem == null) {
            return problem;
        }
        // a title of the whole input ("Invalid catalogue") by its own text, else the type's
        String title = Optional.ofNullable(problem.title()).flatMap(english -> Messages.text(language, "title." + english))
                .or(() -> slug(problem).flatMap(slug -> Messages.text(language, "problem." + slug + ".title")))
                .orElse(problem.title());
        List<Problem.Violation> violations = problem.violations() == null ? null : problem.violations().stream()
                .map(v -> new Problem.Violation(v.field(), v.message() == null ? null
                        : violation(language, v.message()).orElse(v.message()))).toList();
        String detail = problem.detail() == null ? null
                : detail(language, problem.detail(), problem.violations()).orElse(problem.detail());
        return new Problem(problem.type(), title, problem.status(), detail, violations, problem.requestId());
    }

    /** A person import's report: each refused line's detail and messages in the language, fields kept. */
    public static ImportReport in(Language language, ImportReport report) {
        return language == Language.EN ? report : new ImportReport(report.received(), report.created(), report.updated(),
                report.unchanged(), report.rejected(), lines(language, report.errors()), report.errorsTruncated(), report.dryRun());
    }

    /** The 422 of an all-or-nothing import: title, detail and every refused line in the language. */
    public static ImportRejected in(Language language, ImportRejected rejected) {
        if (language == Language.EN) {
            return rejected;
        }
        return new ImportRejected(rejected.type(), title(language, ProblemType.IMPORT_REJECTED),
                rejected.status(), rejected.detail() == null ? null : detail(language, rejected.detail()).orElse(rejected.detail()),
                rejected.received(), rejected.rejected(), lines(language, rejected.errors()), rejected.errorsTruncated(),
                rejected.requestId());
    }

    private static List<ImportReport.LineError> lines(Language language, List<ImportReport.LineError> lines) {
        return lines == null ? null : lines.stream().map(line -> {
            Problem problem = in(language, new Problem(null, null, 422, line.detail(), line.errors()));
            return new ImportReport.LineError(line.line(), line.externalRef(), problem.detail(), problem.violations());
        }).toList();
    }

    /** The English title of a problem type: the catalogue's, the one place English titles are written. */
    public static String title(Language language, ProblemType type) {
        return language == Language.EN ? type.title()
                : Messages.text(language, "problem." + type.slug() + ".title").orElse(type.title());
    }

    static Optional<String> slug(Problem problem) {
        String type = problem.type() == null ? "" : problem.type().toString();
        return type.startsWith(ProblemType.BASE) ? Optional.of(type.substring(ProblemType.BASE.length())) : Optional.empty();
    }

    static Optional<String> detail(Language language, String english) {
        return detail(language, english, List.of());
    }

    /** A whole detail by its template; else a detail made of the violations, part by part. */
    static Optional<String> detail(Language language, String english, List<Problem.Violation> violations) {
        Optional<String> whole = render(language, DETAILS, english);
        if (whole.isPresent()) {
            return whole;
        }
        Optional<String> oneField = fieldMessage(language, english, violations); // a message may hold "; " itself
        if (oneField.isPresent()) {
            return oneField;
        }
        List<String> parts = new ArrayList<>();
        for (String part : english.split("; ")) {
            Optional<String> rendered = fieldMessage(language, part, violations);
            if (rendered.isEmpty()) {
                return Optional.empty();
            }
            parts.add(rendered.get());
        }
        return Optional.of(String.join("; ", parts));
    }

    /**
     * A message, or "field: message" / "field message" of a field (a named violation's, or any JSON path), the
     * message rendered and the field kept.
     */
    private static Optional<String> fieldMessage(Language language, String part, List<Problem.Violation> violations) {
        Optional<String> whole = violation(language, part);
        if (whole.isPresent()) {
            return whole;
        }
        for (Problem.Violation v : violations == null ? List.<Problem.Violation>of() : violations) {
            for (String separator : List.of(": ", " ")) {
                String prefix = v.field() + separator;
                if (v.field() != null && part.startsWith(prefix)) {
                    Optional<String> message = violation(language, part.substring(prefix.length()));
                    if (message.isPresent()) {
                        return Optional.of(prefix + message.get());
                    }
                }
            }
        }
        Matcher field = FIELD_PREFIX.matcher(part);
        if (field.matches()) {
            return violation(language, field.group(3)).map(message -> field.group(1) + field.group(2) + message);
        }
        return Optional.empty();
    }

    static Optional<String> violation(Language language, String english) {
        return render(language, VIOLATIONS, english);
    }

    private static Optional<String> render(Language language, List<Template> templates, String english) {
        for (Template template : templates) {
            Matcher matcher = template.pattern().matcher(english);
            if (!matcher.matches()) continue;
            Map<String, String> values = new HashMap<>();
            boolean complete = true;
            for (int i = 0; i < template.names().size() && complete; i++) {
                String name = template.names().get(i);
                String value = matcher.group(i + 1);
                Optional<String> term = Messages.text(language, "term." + value);
                if (name.endsWith("Term") && term.isEmpty()) {
                    complete = false;
                }
                values.put(name, term.or(() -> value.equals(english) ? Optional.empty() : render(language, DETAILS, value)
                        .or(() -> fieldMessage(language, value, List.of()))).orElse(value));
            }
            if (complete) {
                return Messages.text(language, template.key()).map(text -> Messages.format(text, values));
            }
        }
        return Optional.empty();
    }

    /** The English templates under {@code prefix}, the most literal text first (so "greater than or equal to" wins over "greater than"). */
    static List<Template> templates(String prefix) {
        List<Template> templates = new ArrayList<>();
        Messages.keys(Language.EN).stream().filter(key -> key.startsWith(prefix)).sorted().forEach(key -> {
            String text = Messages.text(Language.EN, key).orElseThrow();
            List<String> names = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(text);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            int literal = 0;
            while (placeholder.find()) {
                // a term's placeholder matches the terms only, so "Code list nope" splits as the term and the id
                regex.append(Pattern.quote(text.substring(last, placeholder.start())))
                        .append(placeholder.group(1).endsWith("Term") ? TERMS : "(.+?)");
                literal += placeholder.start() - last;
                names.add(placeholder.group(1));
                last = placeholder.end();
            }
            regex.append(Pattern.quote(text.substring(last)));
            literal += text.length() - last;
            templates.add(new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), names, literal));
        });
        templates.sort(Comparator.comparingInt(Template::literal).reversed().thenComparing(Template::key));
        return List.copyOf(templates);
    }

    record Template(String key, Pattern pattern, List<String> names, int literal) {
    }
}
