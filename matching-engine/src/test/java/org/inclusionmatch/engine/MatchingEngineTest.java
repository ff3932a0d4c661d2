package org.inclusionmatch.engine;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inclusionmatch.engine.TestData.DAY;
import static org.inclusionmatch.engine.TestData.catalogue;
import static org.inclusionmatch.engine.TestData.id;
import static org.inclusionmatch.engine.TestData.measure;
import static org.inclusionmatch.engine.TestData.person;
import static org.inclusionmatch.engine.TestData.programme;

class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine();

    private List<String> codes(TestData.PersonSpec person, Catalogue catalogue) {
        return engine.recommend(person.build(), catalogue, DAY).stream().map(Recommendation::measureCode).toList();
    }

    /** Each hard constraint must exclude on its own: the catalogue holds a control measure that passes. */
    @Nested
    class HardConstraints {

        private List<String> offered(TestData.MeasureSpec candidate) {
            return codes(person(), catalogue(candidate, measure("CONTROL")));
        }

        private List<String> offered(TestData.ProgrammeSpec programme, TestData.MeasureSpec candidate) {
            return codes(person(), catalogue(List.of(programme), List.of(candidate, measure("CONTROL"))));
        }

        @Test
        void measureNotStartedYetIsNotOffered() {
            assertThat(offered(measure("M").dates(DAY.plusDays(1), null))).containsExactly("CONTROL");
        }

        @Test
        void measureAlreadyEndedIsNotOffered() {
            assertThat(offered(measure("M").dates(null, DAY.minusDays(1)))).containsExactly("CONTROL");
        }

        @Test
        void measureIsActiveOnItsFirstAndLastDay() {
            assertThat(offered(measure("M").dates(DAY, DAY))).containsExactlyInAnyOrder("M", "CONTROL");
        }

        @Test
        void measureOfAnInactiveProgrammeIsNotOffered() {
            assertThat(offered(programme("P").dates(null, DAY.minusDays(1)), measure("M").programme("P")))
                    .containsExactly("CONTROL");
            assertThat(offered(programme("P").dates(DAY.plusDays(1), null), measure("M").programme("P")))
                    .containsExactly("CONTROL");
        }

        @Test
        void measureOfAProgrammeWhoseRuleRejectsThePersonIsNotOffered() {
            var programme = programme("P").eligibility("person.role == 'FACILITATOR'");
            assertThat(offered(programme, measure("M").programme("P"))).containsExactly("CONTROL");
        }

        @Test
        void measureWhoseOwnRuleRejectsThePersonIsNotOffered() {
            assertThat(offered(measure("M").eligibility("person.targetGroups.exists(g, g == 'ROMA')")))
                    .containsExactly("CONTROL");
        }

        @Test
        void ageForRulesIsTakenOnTheEvaluationDay() {
            // born 1990, evaluated on 23 Nov 2026: 35 or 36, so a rule must hold for both
            assertThat(offered(measure("M").eligibility("person.age >= 35"))).contains("M");
            assertThat(offered(measure("M").eligibility("person.age >= 36"))).containsExactly("CONTROL");
        }

        @Test
        void measureInAnotherRegionIsNotOffered() {
            assertThat(offered(measure("M").regions("LATGALE"))).containsExactly("CONTROL");
        }

        @Test
        void remoteMeasureIsOfferedInAnyRegion() {
            assertThat(offered(measure("M").regions("LATGALE").remote())).contains("M");
        }

        @Test
        void programmeRegionsAlsoBindANonRemoteMeasure() {
            var programme = programme("P").regions("LATGALE");
            assertThat(offered(programme, measure("M").programme("P").regions("RIGA"))).containsExactly("CONTROL");
            assertThat(offered(programme, measure("M").programme("P").regions("RIGA").remote())).contains("M");
        }

        @Test
        void fullMeasureIsNeverOfferedEvenWhenItFitsBest() {
            var full = measure("M").needs("HOUSING").goals("OPEN_LABOUR_MARKET").seats(10, 10);
            assertThat(codes(person().goals("OPEN_LABOUR_MARKET"), catalogue(full, measure("CONTROL"))))
                    .containsExactly("CONTROL");
            assertThat(offered(measure("M").seats(11, 10))).containsExactly("CONTROL");
        }

        @Test
        void measureThePersonIsEnrolledInIsNotOffered() {
            assertThat(codes(person().excluding("M"), catalogue(measure("M"), measure("CONTROL"))))
                    .containsExactly("CONTROL");
        }

        @Test
        void eligibleMeasureWithoutOverlapOfNeedsOrGoalsIsNotOffered() {
            assertThat(offered(measure("M").needs("LEGAL").goals("START_BUSINESS"))).containsExactly("CONTROL");
        }

        @Test
        void aGoalAloneMakesAMeasureRelevant() {
            var measure = measure("M").needs("LEGAL").goals("START_BUSINESS");
            assertThat(codes(person().goals("START_BUSINESS"), catalogue(measure))).containsExactly("M");
        }

        @Test
        void measureWithARuleThatDoesNotCompileIsNeverOfferedButTheRestIs() {
            Catalogue catalogue = catalogue(measure("M").eligibility("person.shoeSize > 3"),
                    measure("N").eligibility("person.role =="), measure("CONTROL"));
            assertThat(codes(person(), catalogue)).containsExactly("CONTROL");
            assertThat(catalogue.problems()).hasSize(2).anySatisfy(problem -> assertThat(problem).startsWith("measure M"));
        }

        @Test
        void programmeWithARuleThatDoesNotCompileOffersNothing() {
            assertThat(offered(programme("P").eligibility("1 + 1"), measure("M").programme("P")))
                    .containsExactly("CONTROL");
        }

        @Test
        void measureOfAnUnknownProgrammeIsNeverOffered() {
            Catalogue catalogue = catalogue(measure("M").programme("MISSING"), measure("CONTROL"));
            assertThat(codes(person(), catalogue)).containsExactly("CONTROL");
            assertThat(catalogue.problems()).singleElement().asString().contains("unknown programme");
        }
    }

    /** The what-if's eligibility: every hard constraint, with or without a need or goal in common. */
    @Test
    void eligibleAmongAsksTheHardConstraintsOnlyOfTheMeasuresNamed() {
        Catalogue catalogue = catalogue(measure("FITS").needs("SOMETHING_ELSE"), measure("ELSEWHERE").regions("LATGALE"),
                measure("RULED_OUT").eligibility("person.age < 18"), measure("NOT_ASKED"));
        assertThat(engine.eligibleAmong(person().build(), catalogue, DAY,
                java.util.Set.of(id("FITS"), id("ELSEWHERE"), id("RULED_OUT"))))
                .containsExactly(id("FITS"));
    }

    @Test
    void aSecondMeasureForACoveredNeedRanksAfterAMeasureForANewNeed() {
        var person = person().needs("HOUSING", "FIRST_JOB").goals("OPEN_LABOUR_MARKET");
        Catalogue catalogue = catalogue(
                measure("A1").needs("HOUSING").goals("OPEN_LABOUR_MARKET"),
                measure("A2").needs("HOUSING").goals("OPEN_LABOUR_MARKET"),
                measure("B").needs("FIRST_JOB"));
        List<Recommendation> ranked = engine.recommend(person.build(), catalogue, DAY);

        assertThat(ranked).extracting(Recommendation::measureCode).containsExactly("A1", "B", "A2");
        assertThat(ranked).extracting(Recommendation::rank).containsExactly(1, 2, 3);
        assertThat(ranked.get(2).score()).as("A2 fits better on its own").isGreaterThan(ranked.get(1).score());
    }

    @Test
    void keepsTheTopK() {
        var measures = new ArrayList<TestData.MeasureSpec>();
        for (int i = 0; i < 8; i++) {
            measures.add(measure("M" + i));
        }
        Catalogue catalogue = catalogue(List.of(), measures);
        assertThat(engine.recommend(person().build(), catalogue, DAY)).hasSize(5);
        assertThat(new MatchingEngine(new MatchingSettings(2)).recommend(person().build(), catalogue, DAY)).hasSize(2);
        assertThatThrownBy(() -> new MatchingSettings(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameInputsInAnyCatalogueOrderGiveTheSameOutput() {
        var programmes = List.of(programme("P").eligibility("person.role == 'PARTICIPANT'"));
        var measures = new ArrayList<TestData.MeasureSpec>();
        for (int i = 0; i < 12; i++) { // equal scores everywhere, so only the tie-break decides the order
            measures.add(measure("M" + i).needs(i % 2 == 0 ? "HOUSING" : "FIRST_JOB").programme(i % 3 == 0 ? "P" : null));
        }
        PersonProfile person = person().needs("HOUSING", "FIRST_JOB").build();
        List<Recommendation> first = engine.recommend(person, catalogue(programmes, measures), DAY);

        assertThat(engine.recommend(person, catalogue(programmes, measures), DAY)).isEqualTo(first);
        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(measures, random);
            assertThat(engine.recommend(person, catalogue(programmes, measures), DAY)).isEqualTo(first);
        }
        assertThat(first).extracting(Recommendation::measureCode).containsExactly("M0", "M3", "M6", "M9", "M1");
    }

    @Test
    void reasonsExplainEachRecommendationWithParameters() {
        var person = person().archetype("SURVIVOR").region("RIGA").targetGroups("FORMER_PRISONER")
                .needs("HOUSING", "JOB_SEARCH").goals("OPEN_LABOUR_MARKET");
        var programme = programme("RESOC").eligibility("person.targetGroups.exists(g, g == 'FORMER_PRISONER')");
        var measure = measure("M").programme("RESOC").needs("HOUSING", "JOB_SEARCH").goals("OPEN_LABOUR_MARKET")
                .regions("RIGA").remote().seats(7, 10);
        Recommendation only = engine.recommend(person.build(), catalogue(List.of(programme), List.of(measure)), DAY).getFirst();

        assertThat(only.reasons()).extracting(Reason::code, Reason::params).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NEED_MATCH", Map.of("need", "HOUSING")),
                org.assertj.core.groups.Tuple.tuple("NEED_MATCH", Map.of("need", "JOB_SEARCH")),
                org.assertj.core.groups.Tuple.tuple("GOAL_MATCH", Map.of("goal", "OPEN_LABOUR_MARKET")),
                org.assertj.core.groups.Tuple.tuple("ELIGIBLE_UNDER", Map.of("programme", "RESOC")),
                org.assertj.core.groups.Tuple.tuple("ARCHETYPE_FIT", Map.of("archetype", "SURVIVOR")),
                org.assertj.core.groups.Tuple.tuple("REGION", Map.of("region", "RIGA")),
                org.assertj.core.groups.Tuple.tuple("REMOTE", Map.of()),
                org.assertj.core.groups.Tuple.tuple("SEATS_LEFT", Map.of("seats", "3")));
        assertThat(only.reasons()).allSatisfy(reason -> assertThat(reason.text()).isNotBlank().endsWith("."));
        assertThat(only.reasons().getFirst().text()).isEqualTo("Covers the need HOUSING.");
        assertThat(only.score()).as("every component at its maximum").isEqualTo(1.0);
    }

    @Test
    void onlyARealProgrammeRuleEarnsEligibleUnder() {
        var programmes = List.of(programme("OPEN"), programme("TRIVIAL").eligibility("true"));
        var measures = List.of(measure("M1").programme("OPEN"), measure("M2").programme("TRIVIAL"));
        assertThat(engine.recommend(person().build(), catalogue(programmes, measures), DAY))
                .flatExtracting(Recommendation::reasons).extracting(Reason::code).doesNotContain("ELIGIBLE_UNDER");
    }

    @Test
    void scoresAreBetweenZeroAndOneWithThreeDecimalsAndOrderTheList() {
        var person = person().needs("HOUSING", "FIRST_JOB", "LEGAL").goals("OPEN_LABOUR_MARKET", "EDUCATION");
        Catalogue catalogue = catalogue(measure("A").needs("HOUSING"), measure("B").needs("FIRST_JOB", "LEGAL"),
                measure("C").goals("EDUCATION").needs("OTHER").regions("VIDZEME").remote());
        List<Recommendation> ranked = engine.recommend(person.build(), catalogue, DAY);

        assertThat(ranked).extracting(Recommendation::measureCode).containsExactly("B", "A", "C");
        assertThat(ranked).allSatisfy(r -> {
            assertThat(r.score()).isBetween(0.0, 1.0);
            assertThat(r.score() * 1000).isCloseTo(Math.rint(r.score() * 1000), org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(ranked.getFirst().score()).isEqualTo(0.4); // 2/3 of needs * 0.45 + focus 0.05 + region 0.05
    }

    @Test
    void aMeasureAimedAtThePersonsNeedRanksBeforeABroaderOne() {
        Catalogue catalogue = catalogue(measure("BROAD").needs("HOUSING", "LEGAL"), measure("FOCUSED").needs("HOUSING"));
        assertThat(codes(person(), catalogue)).containsExactly("FOCUSED", "BROAD");
    }

    @Test
    void recordsTheEngineVersion() {
        assertThat(MatchingEngine.ENGINE_VERSION).matches("engine-\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void aPersonWithNothingRecordedGetsNothing() {
        var empty = new PersonProfile(TestData.id("x"), 0, null, null, 1980, null, null, null,
                null, null, null, null, null);
        assertThat(engine.recommend(empty, catalogue(measure("M").remote()), LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
