package org.inclusionmatch.engine;

import org.inclusionmatch.contracts.eligibility.RuleVerdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.engine.HostileRules.manyIterations;
import static org.inclusionmatch.engine.HostileRules.range;
import static org.inclusionmatch.engine.HostileRules.slowRule;
import static org.inclusionmatch.engine.TestData.DAY;
import static org.inclusionmatch.engine.TestData.catalogue;
import static org.inclusionmatch.engine.TestData.id;
import static org.inclusionmatch.engine.TestData.measure;
import static org.inclusionmatch.engine.TestData.person;
import static org.inclusionmatch.engine.TestData.programme;

/** Issue 8: a rule that slips through the compile-time limits is cut off at run time, reported, and quarantined. */
class RuleCutOffTest {

    private final List<RuleCutOff> reported = new CopyOnWriteArrayList<>();
    private final MatchingEngine engine = new MatchingEngine(
            new MatchingSettings(5, Duration.ofMillis(20), 3), reported::add);

    @Test
    void aSlowRuleIsCutOffAtTheDeadlineReportedByMeasureAndThenQuarantined() {
        Catalogue catalogue = catalogue(measure("HOSTILE").eligibility(slowRule()), measure("CONTROL"));
        assertThat(catalogue.problems()).as("it compiles: slips through the compile-time limits").isEmpty();

        for (int person = 1; person <= 3; person++) {
            long start = System.nanoTime();
            List<String> offered = codes(catalogue);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(offered).containsExactly("CONTROL");
            assertThat(tookMs).as("matching one person").isLessThan(1_000);
            System.out.printf("person %d with a slow rule in the catalogue: matched in %d ms%n", person, tookMs);
        }
        assertThat(reported).hasSize(3).allSatisfy(cutOff -> {
            assertThat(cutOff.owner()).isEqualTo(RuleCutOff.Owner.MEASURE);
            assertThat(cutOff.ownerId()).isEqualTo(id("HOSTILE"));
            assertThat(cutOff.limit()).isEqualTo(RuleVerdict.DEADLINE);
        });
        assertThat(reported).extracting(RuleCutOff::strike).containsExactly(1, 2, 3);
        assertThat(reported).extracting(RuleCutOff::quarantined).containsExactly(false, false, true);

        // Quarantined: not run again for this catalogue, so the next person pays nothing for it.
        long start = System.nanoTime();
        assertThat(codes(catalogue)).containsExactly("CONTROL");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(reported).hasSize(3);
        assertThat(tookMs).isLessThan(20);
        System.out.printf("after quarantine: matched in %d ms%n", tookMs);

        // A new catalogue (the next version) gives the rule a fresh start.
        catalogue = catalogue(measure("HOSTILE").eligibility(slowRule()), measure("CONTROL"));
        assertThat(codes(catalogue)).containsExactly("CONTROL");
        assertThat(reported).hasSize(4);
    }

    @Test
    void aRuleOverTheIterationLimitIsCutOffThere() {
        Catalogue catalogue = catalogue(measure("LOOPY").eligibility(manyIterations()), measure("CONTROL"));
        assertThat(catalogue.problems()).isEmpty();
        MatchingEngine patient = new MatchingEngine(new MatchingSettings(5, Duration.ofSeconds(5), 3), reported::add);
        assertThat(patient.recommend(person().build(), catalogue, DAY)).extracting(Recommendation::measureCode)
                .containsExactly("CONTROL");
        assertThat(reported).singleElement().satisfies(cutOff -> {
            assertThat(cutOff.limit()).isEqualTo(RuleVerdict.ITERATION_LIMIT);
            assertThat(cutOff.ownerId()).isEqualTo(id("LOOPY"));
        });
    }

    @Test
    void aProgrammeRuleIsCutOffTooAndTakesItsMeasuresWithIt() {
        Catalogue catalogue = catalogue(List.of(programme("P").eligibility("(" + manyIterations() + ") || true")),
                List.of(measure("IN-P").programme("P"), measure("CONTROL")));
        assertThat(codes(catalogue)).containsExactly("CONTROL");
        assertThat(reported).singleElement().satisfies(cutOff -> {
            assertThat(cutOff.owner()).isEqualTo(RuleCutOff.Owner.PROGRAMME);
            assertThat(cutOff.ownerId()).isEqualTo(id("P"));
        });
    }

    @Test
    void theIssuesRuleDoesNotEvenCompileInTheWorker() {
        String rule = "person.age >= 0";
        for (char v = 'f'; v >= 'a'; v--) {
            rule = range(40) + ".all(" + v + ", " + rule + ")";
        }
        Catalogue catalogue = catalogue(measure("STORED-BEFORE-THE-LIMITS").eligibility(rule), measure("CONTROL"));
        assertThat(catalogue.problems()).singleElement().asString().contains("comprehension nesting limit");
        assertThat(codes(catalogue)).containsExactly("CONTROL");
        assertThat(reported).isEmpty();
    }

    @Test
    void realisticRulesAreNeverCutOff() {
        Catalogue catalogue = catalogue(
                measure("TARGETED").eligibility("person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in "
                        + "['OVER_50','ROMA','SINGLE_PARENT'])"),
                measure("ADULTS").eligibility("person.age >= 18"));
        MatchingEngine byDefault = new MatchingEngine(MatchingSettings.DEFAULT, reported::add);
        for (int i = 0; i < 1_000; i++) {
            assertThat(byDefault.recommend(person().targetGroups("ROMA").build(), catalogue, DAY))
                    .as("cut-offs: %s", reported).hasSize(2);
        }
        assertThat(reported).isEmpty();
    }

    private List<String> codes(Catalogue catalogue) {
        return engine.recommend(person().build(), catalogue, DAY).stream().map(Recommendation::measureCode).toList();
    }
}
