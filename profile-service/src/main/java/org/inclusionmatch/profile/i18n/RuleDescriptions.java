package org.inclusionmatch.profile.i18n;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An eligibility rule (CEL) in plain words, for case workers: "aged 29 or under and in the region Vidzeme" /
 * "vecums līdz 29 gadiem un reģions: Vidzeme". Rendered from the rule's structure, parsed with CEL's own parser
 * (without macros, so {@code person.needs.exists(n, n == 'X')} stays the call it was written as): comparisons on the
 * person's fields, membership in a list or of a list, {@code &&}, {@code ||}, {@code !}, {@code true}. Codes are
 * given as their labels (needs, goals, target groups, regions, roles, archetypes, genders). A rule with any other
 * shape has no description here ({@link #describe} is empty): {@link #describeOrGeneral} then says so in words,
 * never in CEL. The texts are {@code rule.*} in {@code messages_<lang>.properties}.
 */
public final class RuleDescriptions {

    private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder().build();

    /** Fields compared with a single code or text, and the list their codes are labelled from (null: free text). */
    private static final Map<String, CodeList> SCALARS = Map.of(
            "role", CodeList.ROLES, "archetype", CodeList.ARCHETYPES, "gender", CodeList.GENDERS,
            "region", CodeList.REGIONS);
    private static final Map<String, CodeList> LISTS = Map.of(
            "needs", CodeList.NEEDS, "goals", CodeList.GOALS, "targetGroups", CodeList.TARGET_GROUPS);

    private RuleDescriptions() {
    }

    /** The rule in plain words, or empty when its shape is not one this renders (or it does not parse). */
    public static Optional<String> describe(Language language, String rule) {
        if (rule == null || rule.isBlank()) {
            return Optional.empty();
        }
        CelValidationResult parsed = PARSER.parse(rule);
        if (parsed.hasError()) {
            return Optional.empty();
        }
        try {
            return new Renderer(language).condition(parsed.getAst().getExpr(), false);
        } catch (CelValidationException e) {
            return Optional.empty();
        }
    }

    /** As {@link #describe}, else a sentence that says the rule is there without quoting it. */
    public static String describeOrGeneral(Language language, String rule) {
        return DESCRIBED.get(new Described(language, rule),
                key -> describe(language, rule).orElseGet(() -> text(language, "rule.general", Map.of())));
    }

    /** Every catalogue read describes each measure's rule: a rule is parsed once per language, not per read. */
    private static final Cache<Described, String> DESCRIBED = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Described(Language language, String rule) {
    }

    private static String text(Language language, String key, Map<String, String> values) {
        return Messages.format(Messages.text(language, key).orElseThrow(() -> new IllegalStateException("missing " + key)), values);
    }

    private record Renderer(Language language) {

        Optional<String> condition(CelExpr expr, boolean negated) {
            return switch (expr.getKind()) {
                case CONSTANT -> expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE
                        ? Optional.of(text(language, expr.constant().booleanValue() != negated ? "rule.everyone" : "rule.nobody", Map.of()))
                        : Optional.empty();
                case CALL -> call(expr.call(), negated);
                default -> Optional.empty();
            };
        }

        private Optional<String> call(CelExpr.CelCall call, boolean negated) {
            List<CelExpr> args = call.args();
            String function = call.function();
            if (call.target().isPresent()) {
                return method(call.target().get(), function, args, negated);
            }
            switch (function) {
                case "!_" -> {
                    return condition(args.get(0), !negated);
                }
                case "_&&_", "_||_" -> {
                    // De Morgan: "not (a and b)" is said as "not a or not b"
                    boolean and = function.equals("_&&_") != negated;
                    return junction(function, args, negated, and);
                }
                case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" -> {
                    return comparison(function, args.get(0), args.get(1), negated);
                }
                case "@in" -> {
                    return membership(args.get(0), args.get(1), negated);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }

        private Optional<String> junction(String function, List<CelExpr> args, boolean negated, boolean and) {
            List<CelExpr> operands = new ArrayList<>();
            flatten(function, args, operands);
            Optional<String> range = ageRange(operands, negated, and);
            if (range.isPresent()) {
                return range;
            }
            List<String> parts = new ArrayList<>();
            for (CelExpr operand : operands) {
                Optional<String> part = condition(operand, negated);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                boolean inner = operand.getKind() == CelExpr.ExprKind.Kind.CALL
                        && (operand.call().function().equals("_&&_") || operand.call().function().equals("_||_"));
                parts.add(inner ? "(" + part.get() + ")" : part.get());
            }
            return Optional.of(String.join(text(language, and ? "rule.and" : "rule.or", Map.of()), parts));
        }

        private static void flatten(String function, List<CelExpr> args, List<CelExpr> into) {
            for (CelExpr arg : args) {
                if (arg.getKind() == CelExpr.ExprKind.Kind.CALL && arg.call().function().equals(function)
                        && arg.call().target().isEmpty()) {
                    flatten(function, arg.call().args(), into);
                } else {
                    into.add(arg);
                }
            }
        }

        /** "person.age >= 18 && person.age <= 29" as one range: "aged 18 to 29". */
        private Optional<String> ageRange(List<CelExpr> operands, boolean negated, boolean and) {
            if (operands.size() != 2 || negated || !and) {
                return Optional.empty();
            }
            Optional<long[]> first = ageBound(operands.get(0));
            Optional<long[]> second = ageBound(operands.get(1));
            if (first.isEmpty() || second.isEmpty() || first.get()[0] == second.get()[0]) {
                return Optional.empty();
            }
            long from = first.get()[0] > 0 ? first.get()[1] : second.get()[1];
            long to = first.get()[0] < 0 ? first.get()[1] : second.get()[1];
            if (from > to) {
                return Optional.empty();
            }
            return Optional.of(text(language, "rule.age.between." + plural(to), Map.of("from", Long.toString(from), "to", Long.toString(to))));
        }

        /** {sign, bound}: +1 for "at least", -1 for "at most", of a comparison of person.age with a number. */
        private static Optional<long[]> ageBound(CelExpr expr) {
            if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || expr.call().target().isPresent() || expr.call().args().size() != 2) {
                return Optional.empty();
            }
            Optional<Comparison> c = Comparison.of(expr.call().function(), expr.call().args().get(0), expr.call().args().get(1));
            if (c.isEmpty() || !c.get().field().equals("age") || !(c.get().value() instanceof Long n)) {
                return Optional.empty();
            }
            return switch (c.get().operator()) {
                case "_>=_" -> Optional.of(new long[]{1, n});
                case "_>_" -> Optional.of(new long[]{1, n + 1});
                case "_<=_" -> Optional.of(new long[]{-1, n});
                case "_<_" -> Optional.of(new long[]{-1, n - 1});
                default -> Optional.empty();
            };
        }

        private Optional<String> comparison(String function, CelExpr left, CelExpr right, boolean negated) {
            Optional<Comparison> found = Comparison.of(function, left, right);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Comparison c = negated ? found.get().negated() : found.get();
            String field = c.field();
            if ((field.equals("age") || field.equals("birthYear")) && c.value() instanceof Long n) {
                long bound = switch (c.operator()) {
                    case "_>_" -> n + 1;
                    case "_<_" -> n - 1;
                    default -> n;
                };
                String form = switch (c.operator()) {
                    case "_>=_", "_>_" -> "atLeast";
                    case "_<=_", "_<_" -> "atMost";
                    case "_==_" -> "exactly";
                    default -> "not";
                };
                String key = "rule." + field + "." + form + (field.equals("age") ? "." + plural(bound) : "");
                return Optional.of(text(language, key, Map.of("n", Long.toString(bound))));
            }
            if ((SCALARS.containsKey(field) || field.equals("municipality")) && c.value() instanceof String code
                    && (c.operator().equals("_==_") || c.operator().equals("_!=_"))) {
                return Optional.of(text(language, "rule.field." + (c.operator().equals("_==_") ? "is" : "isNot"),
                        Map.of("field", fieldName(field), "value", label(field, code))));
            }
            return Optional.empty();
        }

        /** {@code x in [..]} (a field among values) and {@code 'X' in person.list} (a value in a list field). */
        private Optional<String> membership(CelExpr element, CelExpr container, boolean negated) {
            Optional<String> field = personField(element);
            Optional<List<String>> values = strings(container);
            if (field.isPresent() && values.isPresent()
                    && (SCALARS.containsKey(field.get()) || field.get().equals("municipality"))) {
                return Optional.of(text(language, "rule.field." + (negated ? "noneOf" : "oneOf"),
                        Map.of("field", fieldName(field.get()), "values", labels(field.get(), values.get()))));
            }
            Optional<String> list = personField(container);
            Optional<String> value = string(element);
            if (list.isPresent() && value.isPresent()) {
                return listHas(list.get(), List.of(value.get()), negated);
            }
            return Optional.empty();
        }

        /** {@code person.list.exists(v, v == 'X')} and {@code person.list.exists(v, v in ['X', 'Y'])}. */
        private Optional<String> method(CelExpr target, String function, List<CelExpr> args, boolean negated) {
            if (!function.equals("exists") || args.size() != 2 || args.get(0).getKind() != CelExpr.ExprKind.Kind.IDENT) {
                return Optional.empty();
            }
            String variable = args.get(0).ident().name();
            CelExpr body = args.get(1);
            if (body.getKind() != CelExpr.ExprKind.Kind.CALL || body.call().target().isPresent() || body.call().args().size() != 2) {
                return Optional.empty();
            }
            CelExpr a = body.call().args().get(0);
            CelExpr b = body.call().args().get(1);
            boolean isVariable = a.getKind() == CelExpr.ExprKind.Kind.IDENT && a.ident().name().equals(variable);
            Optional<List<String>> literal = strings(target);
            if (literal.isPresent()) { // ['OVER_50', 'ROMA'].exists(t, t in person.targetGroups)
                Optional<String> field = personField(b);
                return isVariable && body.call().function().equals("@in") && field.isPresent()
                        ? listHas(field.get(), literal.get(), negated) : Optional.empty();
            }
            Optional<String> list = personField(target);
            if (list.isEmpty()) {
                return Optional.empty();
            }
            return switch (body.call().function()) {
                case "_==_" -> {
                    CelExpr other = isVariable ? b : a;
                    boolean variableOnOneSide = isVariable || b.getKind() == CelExpr.ExprKind.Kind.IDENT && b.ident().name().equals(variable);
                    yield variableOnOneSide ? string(other).flatMap(v -> listHas(list.get(), List.of(v), negated)) : Optional.empty();
                }
                case "@in" -> isVariable ? strings(b).flatMap(values -> listHas(list.get(), values, negated)) : Optional.empty();
                default -> Optional.empty();
            };
        }

        private Optional<String> listHas(String field, List<String> values, boolean negated) {
            if (!LISTS.containsKey(field) && !field.equals("languages")) {
                return Optional.empty();
            }
            String form = negated ? "none" : values.size() == 1 ? "one" : "any";
            return Optional.of(text(language, "rule." + field + "." + form, Map.of("values", labels(field, values))));
        }

        private String fieldName(String field) {
            return text(language, "rule.fieldName." + field, Map.of());
        }

        private String label(String field, String code) {
            CodeList list = SCALARS.getOrDefault(field, LISTS.get(field));
            return list == null ? code : Messages.label(language, list, code);
        }

        private String labels(String field, List<String> codes) {
            return String.join(", ", codes.stream().map(code -> label(field, code)).toList());
        }

        private String plural(long n) {
            return ReasonSentences.plural(language, Long.toString(n));
        }
    }

    /** A comparison of a person's field with a constant, the field on the left ({@code 29 >= person.age} turned round). */
    private record Comparison(String operator, String field, Object value) {

        static Optional<Comparison> of(String operator, CelExpr left, CelExpr right) {
            Optional<String> field = personField(left);
            Optional<Object> value = constant(right);
            if (field.isPresent() && value.isPresent()) {
                return Optional.of(new Comparison(operator, field.get(), value.get()));
            }
            field = personField(right);
            value = constant(left);
            if (field.isPresent() && value.isPresent()) {
                String flipped = switch (operator) {
                    case "_<_" -> "_>_";
                    case "_<=_" -> "_>=_";
                    case "_>_" -> "_<_";
                    case "_>=_" -> "_<=_";
                    default -> operator;
                };
                return Optional.of(new Comparison(flipped, field.get(), value.get()));
            }
            return Optional.empty();
        }

        Comparison negated() {
            String opposite = switch (operator) {
                case "_==_" -> "_!=_";
                case "_!=_" -> "_==_";
                case "_<_" -> "_>=_";
                case "_<=_" -> "_>_";
                case "_>_" -> "_<=_";
                default -> "_<_"; // _>=_
            };
            return new Comparison(opposite, field, value);
        }
    }

    /** {@code person.<field>}. */
    private static Optional<String> personField(CelExpr expr) {
        if (expr.getKind() == CelExpr.ExprKind.Kind.SELECT && !expr.select().testOnly()
                && expr.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                && expr.select().operand().ident().name().equals("person")) {
            return Optional.of(expr.select().field());
        }
        return Optional.empty();
    }

    private static Optional<Object> constant(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return Optional.empty();
        }
        return switch (expr.constant().getKind()) {
            case INT64_VALUE -> Optional.of(expr.constant().int64Value());
            case STRING_VALUE -> Optional.of(expr.constant().stringValue());
            default -> Optional.empty();
        };
    }

    private static Optional<String> string(CelExpr expr) {
        return constant(expr).filter(String.class::isInstance).map(String.class::cast);
    }

    private static Optional<List<String>> strings(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.LIST || expr.list().elements().isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (CelExpr element : expr.list().elements()) {
            Optional<String> value = string(element);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }
}
