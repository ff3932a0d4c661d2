package org.inclusionmatch.engine;

import org.junit.jupiter.api.Test;

/**
 * The matching evaluation the team owns (issue 13) against the engine: the cases of {@code evaluation/cases.json},
 * built from the seeds, against the demo catalogue. Prints hit@3 and the forbidden hits, then holds them to the bar
 * ({@link Evaluation}: no forbidden hit, hit@3 at least 90%). The worker's {@code EvaluationEndToEndTest} runs the same
 * cases, with the same scoring, through the whole stack.
 */
class EvaluationTest {

    @Test
    void evaluation() {
        Evaluation evaluation = Evaluation.load();
        Catalogue catalogue = Evaluation.demoCatalogue();
        Evaluation.Score score = evaluation.score(c -> evaluation.engineRecommends(c, catalogue));
        score.print(MatchingEngine.ENGINE_VERSION);
        score.assertMeetsTheBar();
    }
}
