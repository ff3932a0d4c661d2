package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.measure.MeasureSummary;
import org.inclusionmatch.profile.recommendation.RecommendationsRequest;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.vocabulary.ReasonCode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A recommendation's reasons in the caller's language, English included. The worker stores each reason as a code,
 * parameters and an English sentence of its own (codes as they are: "Covers the need FIRST_JOB."); the answer's
 * sentence is rendered here from the code and the parameters, in every language, so that a case worker reads labels
 * and plain words, never a code or a rule's CEL: codes become their labels (needs, goals, archetypes, regions,
 * roles, target groups), a rule's condition its plain-language description ({@link RuleDescriptions}), a programme
 * or measure code the name the answer shows for it, and every figure (seats, the waitlist and its pace, evidence)
 * stays. A code this service does not know (a newer worker's) keeps the stored sentence.
 */
public final class ReasonSentences {

    /** Longest sentence kept, as the API documents for a reason's text; longer ones end in an ellipsis. */
    static final int MAX_LENGTH = 500;

    private static final Map<String, CodeList> PARAMETER_LISTS = Map.of(
            "need", CodeList.NEEDS, "goal", CodeList.GOALS, "archetype", CodeList.ARCHETYPES, "region", CodeList.REGIONS,
            "regions", CodeList.REGIONS, "roles", CodeList.ROLES);
    private static final Map<String, CodeList> FIELD_LISTS = Map.of(
            "needs", CodeList.NEEDS, "goals", CodeList.GOALS, "targetGroups", CodeList.TARGET_GROUPS,
            "archetype", CodeList.ARCHETYPES, "region", CodeList.REGIONS, "role", CodeList.ROLES, "gender", CodeList.GENDERS);

    private ReasonSentences() {
    }

    public static RecommendationsView in(Language language, RecommendationsView view) {
        if (view.recommendations() == null) {
            return view;
        }
        Names names = Names.of(view);
        return rewritten(language, view, (reasons, measure) -> in(language, reasons, names, measure));
    }

    /**
     * Only the measures' kind labels, the sentences left as they were stored: for the person's export, which shows the
     * worker's sentences as it stored them but, like every answer, a label for each kind.
     */
    public static RecommendationsView kindsLabelled(Language language, RecommendationsView view) {
        if (view == null || view.recommendations() == null) {
            return view;
        }
        return rewritten(language, view, (reasons, measure) -> reasons);
    }

    /** The view with each measure's kind labelled and each list of reasons (of the item's measure) passed through {@code sentences}. */
    private static RecommendationsView rewritten(Language language, RecommendationsView view,
                                                 BiFunction<List<RecommendationsRequest.Reason>, MeasureSummary,
                                                         List<RecommendationsRequest.Reason>> sentences) {
        List<RecommendationsView.Recommendation> items = view.recommendations().stream().map(item ->
                new RecommendationsView.Recommendation(item.rank(), item.measureId(), item.measureCode(), item.score(),
                        sentences.apply(item.reasons(), item.measure()), labelled(language, item.measure()))).toList();
        List<RecommendationsView.WhyNot> whyNot = view.whyNot() == null ? null : view.whyNot().stream()
                .map(left -> new RecommendationsView.WhyNot(left.measureId(), left.measureCode(),
                        sentences.apply(left.unmet(), left.measure()), sentences.apply(left.changes(), left.measure()),
                        labelled(language, left.measure()))).toList();
        return new RecommendationsView(view.personId(), view.status(), view.profileVersion(), view.engineVersion(), view.evaluationDay(),
                view.computedAt(), view.version(), items, whyNot);
    }

    private static MeasureSummary labelled(Language language, MeasureSummary measure) {
        return measure == null ? null : measure.withKindLabel(Messages.label(language, CodeList.MEASURE_KINDS, measure.kind().name()));
    }

    private static List<RecommendationsRequest.Reason> in(Language language, List<RecommendationsRequest.Reason> reasons,
                                                          Names names, MeasureSummary measure) {
        return reasons == null ? null : reasons.stream().map(reason -> in(language, reason, names, measure)).toList();
    }

    private static RecommendationsRequest.Reason in(Language language, RecommendationsRequest.Reason reason, Names names,
                                                    MeasureSummary measure) {
        Map<String, String> params = reason.params() == null ? Map.of() : new HashMap<>(reason.params());
        if (measure != null && measure.programme() != null && params.containsKey("programme")) {
            params.put("programme", measure.programme().name()); // the measure's programme: its name, not its code
        }
        if (params.containsKey("measure")) {
            params.put("measure", names.title(params.get("measure")));
        }
        return sentence(language, reason.code(), params)
                // a parameter may be long (RULE_WOULD_PASS lists values): cut to the bound the document declares
                .map(text -> new RecommendationsRequest.Reason(reason.code(), reason.params(),
                        Problem.cut(text, RecommendationsRequest.Reason.MAX_TEXT)))
                .orElse(reason);
    }

    public static Optional<String> sentence(Language language, String code, Map<String, String> params) {
        Optional<ReasonCode> known = Arrays.stream(ReasonCode.values()).filter(c -> c.name().equals(code)).findFirst();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> given = params == null ? Map.of() : params;
        for (String name : known.get().params()) {
            if (given.get(name) == null) {
                return Optional.empty(); // not what this code carries: keep the worker's sentence
            }
        }
        Map<String, String> values = new HashMap<>();
        given.forEach((name, value) -> values.put(name, value(language, name, value, given)));
        return Messages.text(language, key(language, known.get(), given))
                .map(template -> bounded(Messages.format(template, values)));
    }

    /** The sentence's key: the code's, with a variant where the parameters call for one (a plural, a kind of rule). */
    static String key(Language language, ReasonCode code, Map<String, String> params) {
        String key = "reason." + code.name();
        return switch (code) {
            case SEATS_LEFT -> key + "." + plural(language, params.get("seats"));
            case WAITLIST -> params.containsKey("waiting")
                    ? key + (params.containsKey("expectedWaitDays") && params.containsKey("releasedLast90Days") ? ".pace." : ".behind.")
                    + plural(language, params.get("waiting"))
                    : key;
            case RULE_NOT_MET -> "MEASURE".equals(params.get("owner")) ? key + ".MEASURE" : key + ".PROGRAMME";
            case RULE_IS_FOR -> "true".equals(params.get("protected")) ? key + ".protected" : key;
            case RULE_WOULD_PASS -> "needs".equals(params.get("field")) || "goals".equals(params.get("field"))
                    ? key + "." + params.get("field") : key;
            case ALTERNATIVE -> "true".equals(params.get("remote")) ? key + ".remote" : key;
            case EVIDENCE -> params.containsKey("value") && ("ARCHETYPE".equals(params.get("group"))
                    || "TARGET_GROUP".equals(params.get("group"))) ? key + ".group" : key;
            default -> key;
        };
    }

    private static String value(Language language, String name, String value, Map<String, String> params) {
        if (name.equals("condition")) {
            return RuleDescriptions.describeOrGeneral(language, value);
        }
        if (name.equals("values")) {
            CodeList list = FIELD_LISTS.get(params.getOrDefault("field", ""));
            return labels(language, list, value);
        }
        if (name.equals("value")) {
            CodeList list = "ARCHETYPE".equals(params.get("group")) ? CodeList.ARCHETYPES : CodeList.TARGET_GROUPS;
            return Messages.label(language, list, value);
        }
        if (name.equals("languages")) {
            return String.join(", ", value.split(","));
        }
        CodeList list = PARAMETER_LISTS.get(name);
        return list == null ? value : labels(language, list, value);
    }

    private static String labels(Language language, CodeList list, String csv) {
        return String.join(", ", Arrays.stream(csv.split(",")).filter(code -> !code.isBlank())
                .map(code -> list == null ? code : Messages.label(language, list, code.strip())).toList());
    }

    private static String bounded(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "\u2026";
    }

    /** CLDR plural categories: Latvian "one" is n % 10 == 1 except n % 100 == 11 (21 vieta, 11 vietas). */
    static String plural(Language language, String number) {
        long n;
        try {
            n = Long.parseLong(number);
        } catch (NumberFormatException e) {
            return "other";
        }
        return switch (language) {
            case EN -> n == 1 ? "one" : "other";
            case LV -> Math.abs(n) % 10 == 1 && Math.abs(n) % 100 != 11 ? "one" : "other";
        };
    }

    /** The titles of the measures an answer shows, by code, for a reason that names another measure (an alternative). */
    private record Names(Map<String, String> titles) {

        static Names of(RecommendationsView view) {
            Map<String, String> titles = new HashMap<>();
            Stream.concat(view.recommendations().stream().map(r -> Map.entry(r.measureCode(), Optional.ofNullable(r.measure()))),
                            view.whyNot() == null ? Stream.empty()
                                    : view.whyNot().stream().map(w -> Map.entry(w.measureCode(), Optional.ofNullable(w.measure()))))
                    .forEach(entry -> entry.getValue().ifPresent(summary -> titles.put(entry.getKey(), summary.title())));
            return new Names(titles);
        }

        String title(String code) {
            return titles.getOrDefault(code, code);
        }
    }
}
