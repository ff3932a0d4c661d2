package org.inclusionmatch.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching evaluation the team owns (issue 13): the cases of {@code evaluation/cases.json} (built from the seeds,
 * for the demo catalogue, on its {@code evaluationDay}) and their one scoring, shared by the engine's
 * {@code EvaluationTest} and the worker's end-to-end {@code EvaluationEndToEndTest} (through this module's test jar),
 * so the figures of both runs mean the same. A case is a hit when the first three recommendations hold at least
 * {@code min_hits} of {@code expect}; a forbidden hit is a {@code forbid} code recommended anywhere in the list.
 */
public final class Evaluation {

    /** The bar both runs are held to. */
    public static final int MIN_CASES = 40;
    public static final double MIN_HIT_AT_3 = 0.9;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE = "/evaluation/cases.json";

    /** One case: a person as the API takes it (without organisation and legal basis), and what a case worker expects. */
    public record Case(String id, String note, JsonNode person, List<String> expect, int minHits, List<String> forbid) {

        /** The person's fields as a new, mutable map (a request body). */
        public Map<String, Object> personFields() {
            return JSON.convertValue(person, new TypeReference<Map<String, Object>>() { });
        }
    }

    /** One case's result. */
    public record Outcome(Case c, List<String> recommended, boolean hit, List<String> forbidden) {

        public List<String> topThree() {
            return recommended.subList(0, Math.min(3, recommended.size()));
        }
    }

    /** The figures over all cases, with a line for each miss and each forbidden hit. */
    public record Score(List<Outcome> outcomes) {

        public int cases() {
            return outcomes.size();
        }

        public int hits() {
            return (int) outcomes.stream().filter(Outcome::hit).count();
        }

        public int forbiddenHits() {
            return outcomes.stream().mapToInt(o -> o.forbidden().size()).sum();
        }

        public double hitAt3() {
            return cases() == 0 ? 0 : (double) hits() / cases();
        }

        public List<String> misses() {
            List<String> misses = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (!o.hit()) {
                    misses.add(o.c().id() + " miss " + o.recommended());
                }
                if (!o.forbidden().isEmpty()) {
                    misses.add(o.c().id() + " forbidden " + o.forbidden() + " in " + o.recommended());
                }
            }
            return misses;
        }

        /** {@code EVALUATION <label>: n cases, hit@3 x/n = 0.xxx, forbidden hits y}. */
        public String summary(String label) {
            return String.format("EVALUATION %s: %d cases, hit@3 %d/%d = %.3f, forbidden hits %d",
                    label, cases(), hits(), cases(), hitAt3(), forbiddenHits());
        }

        /** Prints the summary line and a line for each miss. */
        public void print(String label) {
            System.out.println(summary(label));
            misses().forEach(m -> System.out.println("EVALUATION   " + m));
        }

        /** At least 40 cases, no forbidden hit, hit@3 at least 90%. */
        public void assertMeetsTheBar() {
            assertThat(cases()).isGreaterThanOrEqualTo(MIN_CASES);
            assertThat(forbiddenHits()).as("forbidden hits: %s", misses()).isZero();
            assertThat(hitAt3()).as("hit@3: %s", misses()).isGreaterThanOrEqualTo(MIN_HIT_AT_3);
        }
    }

    private final LocalDate evaluationDay;
    private final List<Case> cases;

    private Evaluation(LocalDate evaluationDay, List<Case> cases) {
        this.evaluationDay = evaluationDay;
        this.cases = List.copyOf(cases);
    }

    /** The cases of {@code evaluation/cases.json}, from the class path. */
    public static Evaluation load() {
        try (InputStream in = Evaluation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            JsonNode root = JSON.readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                cases.add(new Case(c.get("id").asText(), c.path("note").asText(), c.get("person"),
                        DemoCatalogue.strings(c.get("expect")), c.get("min_hits").asInt(),
                        DemoCatalogue.strings(c.get("forbid"))));
            }
            return new Evaluation(LocalDate.parse(root.get("evaluationDay").asText()), cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalDate evaluationDay() {
        return evaluationDay;
    }

    public List<Case> cases() {
        return cases;
    }

    /** Scores the recommended codes (best first) that {@code recommended} gives for each case. */
    public Score score(Function<Case, List<String>> recommended) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            outcomes.add(outcome(c, List.copyOf(recommended.apply(c))));
        }
        return new Score(outcomes);
    }

    static Outcome outcome(Case c, List<String> recommended) {
        List<String> topThree = recommended.subList(0, Math.min(3, recommended.size()));
        long found = topThree.stream().filter(c.expect()::contains).count();
        List<String> forbidden = recommended.stream().filter(c.forbid()::contains).toList();
        return new Outcome(c, recommended, found >= c.minHits(), forbidden);
    }

    /** What this engine recommends for the case on the evaluation day, against the demo catalogue file. */
    public List<String> engineRecommends(Case c, Catalogue catalogue) {
        return new MatchingEngine().recommend(person(c.person()), catalogue, evaluationDay)
                .stream().map(Recommendation::measureCode).toList();
    }

    /** The demo catalogue the cases are written against (deploy/local/demo/catalogue.json), as the engine reads it. */
    public static Catalogue demoCatalogue() {
        return DemoCatalogue.load();
    }

    static PersonProfile person(JsonNode p) {
        return new PersonProfile(UUID.randomUUID(), 1, p.path("role").asText(), p.path("archetype").asText(),
                p.path("birthYear").asInt(), p.path("gender").asText(), p.path("region").asText(),
                p.path("municipality").asText(), DemoCatalogue.strings(p.get("targetGroups")),
                DemoCatalogue.strings(p.get("needs")), DemoCatalogue.strings(p.get("goals")),
                DemoCatalogue.strings(p.get("languages")), Set.of());
    }
}
