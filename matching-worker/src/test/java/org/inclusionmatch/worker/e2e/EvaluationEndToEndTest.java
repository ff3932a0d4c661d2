package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.Evaluation;
import org.inclusionmatch.engine.MatchingEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching evaluation the team owns (issue 13) through the whole stack: the cases of matching-engine's
 * {@code evaluation/cases.json} (its test jar) against the demo catalogue imported into profile-service, each person
 * created through the API, matched by the worker from its Kafka event, and the stored recommendations read back
 * through the API; scored by the same {@link Evaluation} as the engine's {@code EvaluationTest} and held to the same
 * bar. The worker's test profile evaluates on 2026-11-23, the cases' day.
 *
 * <p>Each case's stored list must also be the list the engine computes for it from the catalogue file (in this JVM):
 * a difference is something the stack adds or loses on the way (places held, evidence, a field the import or the
 * worker's catalogue read drops), and is printed with both lists.
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class EvaluationEndToEndTest {

    /** Creates and reads run side by side: the API answers each in a few ms, the round trips are what cost. */
    private static final int PARALLEL = 8;

    private static long importMs;

    @BeforeAll
    static void catalogue() throws Exception {
        long start = System.nanoTime();
        Stack.importDemoCatalogue();
        importMs = millisSince(start);
    }

    @Test
    void theEvaluationThroughTheStackMeetsTheEnginesBar() throws Exception {
        Evaluation evaluation = Evaluation.load();
        String org = Stack.createOrganisation();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            long start = System.nanoTime();
            Map<String, String> personIds = inParallel(pool, evaluation.cases(), c -> Stack.caseworker(org)
                    .body(Stack.withLegalBasis(c.personFields())).post("/api/v1/persons")
                    .then().statusCode(201).extract().path("id"));
            long created = millisSince(start);
            // Every person's event is through the worker once its committed offsets reach the topic's ends.
            Stack.awaitWorkerCaughtUp(Stack.topic("persons"));
            long caughtUp = millisSince(start);
            Map<String, Map<String, Object>> stored = inParallel(pool, evaluation.cases(),
                    c -> Stack.recommendations(org, personIds.get(c.id())));
            System.out.printf("EVALUATION   through the stack: catalogue import %d ms; %d persons created in %d ms, "
                            + "matched by %d ms, read back by %d ms%n", importMs, personIds.size(), created, caughtUp,
                    millisSince(start));

            stored.forEach((id, result) -> assertThat(result).as("%s: the stored result of the created profile", id)
                    .containsEntry("profileVersion", 0).containsEntry("evaluationDay", evaluation.evaluationDay().toString())
                    .containsEntry("engineVersion", MatchingEngine.ENGINE_VERSION));
            Evaluation.Score score = evaluation.score(c -> codes(stored.get(c.id())));
            score.print("through the stack, " + MatchingEngine.ENGINE_VERSION);

            Catalogue file = Evaluation.demoCatalogue();
            List<String> differences = new ArrayList<>();
            for (Evaluation.Outcome o : score.outcomes()) {
                List<String> engine = evaluation.engineRecommends(o.c(), file);
                if (!engine.equals(o.recommended())) {
                    differences.add(o.c().id() + " stack " + o.recommended() + " engine " + engine);
                }
            }
            differences.forEach(d -> System.out.println("EVALUATION   differs: " + d));

            score.assertMeetsTheBar();
            // The stack adds nothing the engine's run does not see: no place held, no evidence, the catalogue as in the
            // file (another test class that left a measure full or added one for these needs would show here).
            assertThat(differences).as("cases whose stored list differs from the engine's on the catalogue file").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> stored) {
        return ((List<Map<String, Object>>) stored.get("recommendations")).stream()
                .map(r -> (String) r.get("measureCode")).toList();
    }

    /** {@code call} for every case on the pool, by case id; the first failure is thrown. */
    private static <T> Map<String, T> inParallel(ExecutorService pool, List<Evaluation.Case> cases,
                                                 Function<Evaluation.Case, T> call) {
        Map<String, CompletableFuture<T>> running = new LinkedHashMap<>();
        cases.forEach(c -> running.put(c.id(), CompletableFuture.supplyAsync(() -> call.apply(c), pool)));
        Map<String, T> results = new LinkedHashMap<>();
        running.forEach((id, future) -> results.put(id, future.join()));
        return results;
    }
}
