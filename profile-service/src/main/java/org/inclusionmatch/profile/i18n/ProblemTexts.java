package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.common.problem.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem document in another language. The title is looked up by the problem's type ({@code problem.<slug>.title});
 * the detail by matching it against the English templates ({@code detail.*}) and rendering the same template in the
 * other language with the same values. English is the language the service writes problems in, so an English
 * answer is left exactly as written; a detail no template matches stays English (violations' messages too).
 */
public final class ProblemTexts {

    private static final String TYPE_BASE = "https://inclusion-match.org/problems/";
    private static final List<Template> TEMPLATES = templates();

    private ProblemTexts() {
    }

    public static Problem in(Language language, Problem problem) {
        if (language == Language.EN || problem == null) {
            return problem;
        }
        String title = slug(problem).flatMap(slug -> Messages.text(language, "problem." + slug + ".title"))
                .orElse(problem.title());
        String detail = problem.detail() == null ? null : detail(language, problem.detail()).orElse(problem.detail());
        return new Problem(problem.type(), title, problem.status(), detail, problem.violations());
    }

    static Optional<String> slug(Problem problem) {
        String type = problem.type() == null ? "" : problem.type().toString();
        return type.startsWith(TYPE_BASE) ? Optional.of(type.substring(TYPE_BASE.length())) : Optional.empty();
    }

    static Optional<String> detail(Language language, String english) {
        for (Template template : TEMPLATES) {
            Matcher matcher = template.pattern().matcher(english);
            if (!matcher.matches()) continue;
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < template.names().size(); i++) {
                String value = matcher.group(i + 1);
                values.put(template.names().get(i), Messages.text(language, "term." + value).orElse(value));
            }
            return Messages.text(language, template.key()).map(text -> Messages.format(text, values));
        }
        return Optional.empty();
    }

    private static List<Template> templates() {
        Map<String, String> english = new LinkedHashMap<>();
        Messages.keys(Language.EN).stream().filter(key -> key.startsWith("detail.")).sorted()
                .forEach(key -> english.put(key, Messages.text(Language.EN, key).orElseThrow()));
        List<Template> templates = new ArrayList<>();
        english.forEach((key, text) -> {
            List<String> names = new ArrayList<>();
            Matcher placeholder = Pattern.compile("\\{([a-zA-Z0-9]+)}").matcher(text);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(text.substring(last, placeholder.start()))).append("(.+?)");
                names.add(placeholder.group(1));
                last = placeholder.end();
            }
            regex.append(Pattern.quote(text.substring(last)));
            templates.add(new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), names));
        });
        return List.copyOf(templates);
    }

    record Template(String key, Pattern pattern, List<String> names) {
    }
}
