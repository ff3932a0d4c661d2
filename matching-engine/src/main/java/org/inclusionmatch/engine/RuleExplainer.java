package org.inclusionmatch.engine;

import org.inclusionmatch.contracts.eligibility.EligibilityLanguage;
import org.inclusionmatch.contracts.eligibility.EligibilityRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a rule that did not admit a person from the rule's own structure: the rule is split into its
 * top-level conjuncts ({@code a && b && c}), each compiled and evaluated on its own for this person, and each one
 * that fails is reported with its text. For a failed conjunct of a known shape on a field the person can act on
 * (needs, goals) it names the value that would pass ({@code person.goals.exists(g, g == 'START_BUSINESS')} passes
 * with START_BUSINESS among the goals). A condition on anything else is stated as who the offer is for; on a
 * protected attribute (target groups, gender, age, birth year) it is marked so, and never suggested as a change.
 * Nothing here reads another person.
 */
final class RuleExplainer {

    /** Fields a rule may read that are protected attributes or stand for them: never suggested as a change. */
    static final Set<String> PROTECTED = Set.of("targetGroups", "gender", "age", "birthYear");
    /** Fields a case worker records from the person's own situation and wishes: a value that passes is a suggestion. */
    static final Set<String> ACTIONABLE = Set.of("needs", "goals");

    private static final Pattern FIELD = Pattern.compile("person\\.(\\w+)");
    private static final String STRING = "'([^'\\\\]*)'|\"([^\"\\\\]*)\"";
    private static final Pattern EQUALS = Pattern.compile("^person\\.(\\w+)\\s*==\\s*(?:" + STRING + ")$");
    private static final Pattern IN_LIST = Pattern.compile("^person\\.(\\w+)\\s+in\\s+\\[([^\\]]*)]$");
    private static final Pattern EXISTS_EQUALS = Pattern.compile(
            "^person\\.(\\w+)\\.exists\\(\\s*(\\w+)\\s*,\\s*\\2\\s*==\\s*(?:" + STRING + ")\\s*\\)$");
    private static final Pattern EXISTS_IN = Pattern.compile(
            "^person\\.(\\w+)\\.exists\\(\\s*(\\w+)\\s*,\\s*\\2\\s+in\\s+\\[([^\\]]*)]\\s*\\)$");
    private static final Pattern CONTAINS = Pattern.compile("^(?:" + STRING + ")\\s+in\\s+person\\.(\\w+)$");
    private static final Pattern LITERAL = Pattern.compile(STRING);

    private RuleExplainer() {
    }

    /** The rule failed for the applicant: what is unmet, and for each failed conjunct what would pass or whom it is for. */
    static Constraint.Unmet unmet(String owner, String ownerCode, CompiledRule rule, Applicant applicant) {
        if (rule.error().isPresent() || rule.expression() == null || rule.isQuarantined(applicant.settings)) {
            return Constraint.Unmet.of(Reason.ruleNotMet(owner, ownerCode, "the rule cannot be checked"));
        }
        List<Part> parts = rule.parts();
        if (parts == null) { // a conjunct is not a rule on its own: explain the rule as a whole
            return Constraint.Unmet.of(Reason.ruleNotMet(owner, ownerCode, rule.expression()));
        }
        List<String> failed = new ArrayList<>();
        List<Reason> changes = new ArrayList<>();
        for (Part part : parts) {
            boolean passes = part.rule().evaluate(applicant.youngest, applicant.settings.ruleDeadline()).admits()
                    && part.rule().evaluate(applicant.oldest, applicant.settings.ruleDeadline()).admits();
            if (!passes) {
                failed.add(part.text());
                changes.add(part.change());
            }
        }
        String condition = failed.isEmpty() ? rule.expression() : String.join(" && ", failed);
        return new Constraint.Unmet(Reason.ruleNotMet(owner, ownerCode, condition), changes);
    }

    /** One conjunct of a rule, compiled on its own, with what would pass it. */
    record Part(String text, EligibilityRule rule, Reason change) {
    }

    /** The rule's conjuncts compiled one by one, or null when one of them is not a rule on its own. */
    static List<Part> compileParts(String expression) {
        List<Part> parts = new ArrayList<>();
        for (String conjunct : conjuncts(expression)) {
            try {
                parts.add(new Part(conjunct, EligibilityLanguage.compile(conjunct), change(conjunct)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return List.copyOf(parts);
    }

    /** What would pass one failed conjunct, or whom it is for. */
    static Reason change(String conjunct) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher f = FIELD.matcher(conjunct);
        while (f.find()) {
            fields.add(f.group(1));
        }
        String field = String.join(",", fields);
        boolean protectedField = fields.stream().anyMatch(PROTECTED::contains);
        if (fields.size() == 1 && ACTIONABLE.contains(field)) {
            List<String> values = passingValues(conjunct);
            if (!values.isEmpty()) {
                return Reason.ruleWouldPass(field, values, conjunct);
            }
        }
        return Reason.ruleIsFor(field.isEmpty() ? "person" : field, conjunct, protectedField);
    }

    private static List<String> passingValues(String conjunct) {
        Matcher m;
        if ((m = EXISTS_EQUALS.matcher(conjunct)).matches()) {
            return List.of(m.group(3) != null ? m.group(3) : m.group(4));
        }
        if ((m = EXISTS_IN.matcher(conjunct)).matches()) {
            return literals(m.group(3));
        }
        if ((m = CONTAINS.matcher(conjunct)).matches()) {
            return List.of(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if ((m = EQUALS.matcher(conjunct)).matches()) {
            return List.of(m.group(2) != null ? m.group(2) : m.group(3));
        }
        if ((m = IN_LIST.matcher(conjunct)).matches()) {
            return literals(m.group(2));
        }
        return List.of();
    }

    private static List<String> literals(String list) {
        List<String> values = new ArrayList<>();
        Matcher m = LITERAL.matcher(list);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }

    /**
     * The top-level conjuncts of a rule: split at {@code &&} outside parentheses, brackets and string literals,
     * with enclosing parentheses of a whole conjunct removed. A rule without a top-level {@code &&} is one conjunct.
     */
    static List<String> conjuncts(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(expression, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && c == '&' && i + 1 < expression.length() && expression.charAt(i + 1) == '&') {
                parts.add(expression.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(expression.substring(start));
        List<String> result = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            while (p.startsWith("(") && p.endsWith(")") && wraps(p)) {
                p = p.substring(1, p.length() - 1).strip();
            }
            if (p.contains("&&") && !p.equals(part.strip())) {
                result.addAll(conjuncts(p)); // (a && b) && c
            } else {
                result.add(p);
            }
        }
        return List.copyOf(result);
    }

    /** Whether the outer parentheses of {@code p} enclose all of it (not "(a) || (b)"). */
    private static boolean wraps(String p) {
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(p, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < p.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The index of the quote that closes the string literal opening at {@code open} (a backslash escapes the next
     * character), or the text's length when it is not closed: scanners skip literals whole, so brackets and
     * {@code &&} inside them do not count.
     */
    private static int endOfString(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
