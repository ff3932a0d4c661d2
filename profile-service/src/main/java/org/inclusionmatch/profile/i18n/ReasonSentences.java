package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.recommendation.RecommendationsRequest;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.vocabulary.ReasonCode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recommendation's reasons in the caller's language. The worker stores each reason as a code, parameters and an
 * English sentence; that sentence is the English answer, unchanged (compatibility, and the worker stays the author of
 * its English). In another language the sentence is rendered here from the code and the parameters, code parameters
 * (need, goal, archetype, region) given as their labels. A code this service does not know (a newer worker's) keeps
 * the stored sentence.
 */
public final class ReasonSentences {

    private static final Map<String, CodeList> PARAMETER_LISTS = Map.of(
            "need", CodeList.NEEDS, "goal", CodeList.GOALS, "archetype", CodeList.ARCHETYPES, "region", CodeList.REGIONS);

    private ReasonSentences() {
    }

    public static RecommendationsView in(Language language, RecommendationsView view) {
        if (language == Language.EN || view.recommendations() == null) {
            return view;
        }
        List<RecommendationsView.Recommendation> items = view.recommendations().stream().map(item ->
                new RecommendationsView.Recommendation(item.rank(), item.measureId(), item.measureCode(), item.score(),
                        in(language, item.reasons()), item.measure())).toList();
        List<RecommendationsView.WhyNot> whyNot = view.whyNot() == null ? null : view.whyNot().stream()
                .map(left -> new RecommendationsView.WhyNot(left.measureId(), left.measureCode(), in(language, left.unmet()),
                        in(language, left.changes()), left.measure())).toList();
        return new RecommendationsView(view.personId(), view.status(), view.profileVersion(), view.engineVersion(), view.evaluationDay(),
                view.computedAt(), view.version(), items, whyNot);
    }

    private static List<RecommendationsRequest.Reason> in(Language language, List<RecommendationsRequest.Reason> reasons) {
        return reasons == null ? null : reasons.stream().map(reason -> in(language, reason)).toList();
    }

    public static RecommendationsRequest.Reason in(Language language, RecommendationsRequest.Reason reason) {
        return sentence(language, reason.code(), reason.params())
                // a parameter may be long (RULE_WOULD_PASS lists values): cut to the bound the document declares
                .map(text -> new RecommendationsRequest.Reason(reason.code(), reason.params(),
                        org.inclusionmatch.profile.common.problem.Problem.cut(text, RecommendationsRequest.Reason.MAX_TEXT)))
                .orElse(reason);
    }

    public static Optional<String> sentence(Language language, String code, Map<String, String> params) {
        Optional<ReasonCode> known = Arrays.stream(ReasonCode.values()).filter(c -> c.name().equals(code)).findFirst();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> given = params == null ? Map.of() : params;
        for (String name : known.get().params()) {
            String value = given.get(name);
            if (value == null) {
                return Optional.empty(); // not what this code carries: keep the worker's sentence
            }
            CodeList list = PARAMETER_LISTS.get(name);
            values.put(name, list == null ? value : Messages.label(language, list, value));
        }
        String key = "reason." + code;
        if (known.get() == ReasonCode.SEATS_LEFT) {
            key += "." + plural(language, values.get("seats"));
        }
        return Messages.text(language, key).map(template -> Messages.format(template, values));
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
}
