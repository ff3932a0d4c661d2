package org.inclusionmatch.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.engine.TestData.DAY;
import static org.inclusionmatch.engine.TestData.catalogue;
import static org.inclusionmatch.engine.TestData.measure;
import static org.inclusionmatch.engine.TestData.person;
import static org.inclusionmatch.engine.TestData.programme;

/** "Why not": each kind of unmet constraint with the change that would lift it (issue 13). */
class WhyNotTest {

    private final MatchingEngine engine = new MatchingEngine();

    private WhyNot whyNot(TestData.PersonSpec person, List<TestData.ProgrammeSpec> programmes,
                          List<TestData.MeasureSpec> measures, String code) {
        MatchResult result = engine.match(person.build(), catalogue(programmes, measures), DAY);
        assertThat(result.recommendations()).extracting(Recommendation::measureCode).doesNotContain(code);
        return result.whyNot().stream().filter(w -> w.measureCode().equals(code)).findFirst().orElseThrow();
    }

    private static Reason only(List<Reason> reasons, String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + reasons));
    }

    @Test
    void aMeasureNotOpenYetSaysTheDateItOpens() {
        WhyNot w = whyNot(person(), List.of(), List.of(measure("M").dates(DAY.plusDays(10), null)), "M");
        assertThat(only(w.unmet(), Reason.NOT_YET_OPEN).params()).containsEntry("date", DAY.plusDays(10).toString());
        assertThat(only(w.changes(), Reason.OPENS_ON).params()).containsEntry("date", DAY.plusDays(10).toString());
    }

    @Test
    void aMeasureOfAProgrammeThatOpensLaterOpensWithTheProgramme() {
        WhyNot w = whyNot(person(), List.of(programme("P").dates(DAY.plusDays(40), null)),
                List.of(measure("M").programme("P").dates(DAY.plusDays(5), null)), "M");
        assertThat(only(w.changes(), Reason.OPENS_ON).params()).containsEntry("date", DAY.plusDays(40).toString());
    }

    @Test
    void aClosedMeasureSuggestsNoDate() {
        WhyNot w = whyNot(person(), List.of(), List.of(measure("M").dates(null, DAY.minusDays(1))), "M");
        assertThat(w.unmet()).extracting(Reason::code).containsExactly(Reason.CLOSED);
        assertThat(w.changes()).extracting(Reason::code).doesNotContain(Reason.OPENS_ON);
    }

    @Test
    void aFullMeasureGivesTheWaitlistAndTheExpectedWaitFromRecentReleases() {
        WhyNot w = whyNot(person(), List.of(), List.of(measure("M").seats(12, 12).waitlist(5, 9)), "M");
        assertThat(only(w.unmet(), Reason.MEASURE_FULL).params()).containsEntry("capacity", "12");
        // 9 places freed in 90 days: one per 10 days; 5 wait before the person, so about 60 days
        assertThat(only(w.changes(), Reason.WAITLIST).params())
                .containsEntry("waiting", "5").containsEntry("expectedWaitDays", "60");
    }

    @Test
    void aFullMeasureWithoutReleasesGivesNoExpectedWait() {
        WhyNot w = whyNot(person(), List.of(), List.of(measure("M").seats(12, 12).waitlist(2, 0)), "M");
        assertThat(only(w.changes(), Reason.WAITLIST).params()).containsEntry("waiting", "2")
                .doesNotContainKey("expectedWaitDays");
    }

    /** Issue 26: a place the same human holds through another organisation's record; the reason names no one. */
    @Test
    void aPlaceHeldElsewhereIsLeftOutWithAReasonThatNamesNoOne() {
        WhyNot w = whyNot(person().heldElsewhere("M"), List.of(), List.of(measure("M"), measure("OTHER")), "M");
        assertThat(w.unmet()).extracting(Reason::code).containsExactly(Reason.HELD_ELSEWHERE);
        assertThat(only(w.unmet(), Reason.HELD_ELSEWHERE).params()).isEmpty();
        assertThat(engine.match(person().build(), catalogue(List.of(), List.of(measure("M"))), DAY).recommendations())
                .extracting(Recommendation::measureCode).containsExactly("M");
    }

    @Test
    void aFullProgrammeIsNamed() {
        WhyNot w = whyNot(person(), List.of(programme("P").places(60, 60)), List.of(measure("M").programme("P")), "M");
        assertThat(only(w.unmet(), Reason.PROGRAMME_FULL).params()).containsEntry("programme", "P").containsEntry("capacity", "60");
    }

    @Test
    void aMeasureElsewhereNamesARemoteAlternativeForTheSameNeed() {
        WhyNot w = whyNot(person().region("LATGALE"), List.of(),
                List.of(measure("FAR").regions("RIGA"), measure("ONLINE").regions("RIGA").remote(),
                        measure("NEAR").regions("LATGALE")), "FAR");
        assertThat(only(w.unmet(), Reason.NOT_IN_REGION).params()).containsEntry("regions", "RIGA");
        assertThat(only(w.changes(), Reason.ALTERNATIVE).params()).containsEntry("measure", "ONLINE").containsEntry("remote", "true");
    }

    @Test
    void aMeasureElsewhereNamesANearbyAlternativeWhenNoneIsRemote() {
        WhyNot w = whyNot(person().region("LATGALE"), List.of(),
                List.of(measure("FAR").regions("RIGA"), measure("NEAR").regions("LATGALE")), "FAR");
        assertThat(only(w.changes(), Reason.ALTERNATIVE).params()).containsEntry("measure", "NEAR").containsEntry("remote", "false");
    }

    @Test
    void aRoleAndALanguageMismatchAreStated() {
        WhyNot role = whyNot(person().role("PARTICIPANT"), List.of(), List.of(measure("M").audienceRoles("FACILITATOR")), "M");
        assertThat(only(role.unmet(), Reason.AUDIENCE_ROLE).params()).containsEntry("roles", "FACILITATOR");
        WhyNot language = whyNot(person().languages("ru"), List.of(), List.of(measure("M").languages("lv")), "M");
        assertThat(only(language.unmet(), Reason.NO_SHARED_LANGUAGE).params()).containsEntry("languages", "lv");
    }

    @Test
    void aRuleOnGoalsNamesTheFailedConditionAndTheValueThatPassesIt() {
        WhyNot w = whyNot(person().goals("OPEN_LABOUR_MARKET"), List.of(programme("ACC")
                        .eligibility("person.role == 'PARTICIPANT' && person.goals.exists(g, g == 'START_BUSINESS')")),
                List.of(measure("M").programme("ACC")), "M");
        Reason unmet = only(w.unmet(), Reason.RULE_NOT_MET);
        assertThat(unmet.params()).containsEntry("owner", "PROGRAMME").containsEntry("code", "ACC")
                .containsEntry("condition", "person.goals.exists(g, g == 'START_BUSINESS')"); // the role part passed
        assertThat(only(w.changes(), Reason.RULE_WOULD_PASS).params())
                .containsEntry("field", "goals").containsEntry("values", "START_BUSINESS");
    }

    @Test
    void aRuleOnAProtectedAttributeSaysWhoItIsForAndSuggestsNoChange() {
        WhyNot w = whyNot(person().targetGroups(), List.of(programme("RESOC")
                        .eligibility("person.targetGroups.exists(g, g in ['PROBATION_CLIENT', 'FORMER_PRISONER'])")),
                List.of(measure("M").programme("RESOC")), "M");
        Reason isFor = only(w.changes(), Reason.RULE_IS_FOR);
        assertThat(isFor.params()).containsEntry("field", "targetGroups").containsEntry("protected", "true");
        assertThat(w.changes()).extracting(Reason::code).doesNotContain(Reason.RULE_WOULD_PASS);
    }

    @Test
    void anAgeRuleIsNeverSuggestedAsAChange() {
        WhyNot w = whyNot(person().birthYear(2010), List.of(),
                List.of(measure("M").eligibility("person.age >= 18 && person.needs.exists(n, n == 'HOUSING')")), "M");
        assertThat(only(w.unmet(), Reason.RULE_NOT_MET).params()).containsEntry("condition", "person.age >= 18");
        assertThat(w.changes()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(Reason.RULE_IS_FOR);
            assertThat(c.params()).containsEntry("field", "age").containsEntry("protected", "true");
        });
    }

    @Test
    void everyFailedConstraintIsListed() {
        WhyNot w = whyNot(person().region("LATGALE").languages("ru"), List.of(),
                List.of(measure("M").regions("RIGA").seats(5, 5).languages("lv")), "M");
        assertThat(w.unmet()).extracting(Reason::code)
                .containsExactly(Reason.MEASURE_FULL, Reason.NOT_IN_REGION, Reason.NO_SHARED_LANGUAGE);
    }

    @Test
    void measuresTakenOrDeclinedAndIrrelevantOnesAreNotExplained() {
        MatchResult result = engine.match(person().needs("HOUSING").excluding("TAKEN").build(), catalogue(
                measure("TAKEN"), measure("OTHER-NEED").needs("LEGAL").seats(5, 5)), DAY);
        assertThat(result.whyNot()).isEmpty();
    }

    @Test
    void atMostTheConfiguredNumberAreExplainedBestFitFirst() {
        MatchResult result = engine.match(person().needs("HOUSING", "LEGAL").build(), catalogue(
                measure("A").needs("HOUSING").seats(5, 5), measure("B").needs("HOUSING", "LEGAL").seats(5, 5),
                measure("C").needs("LEGAL").seats(5, 5), measure("D").needs("LEGAL").seats(5, 5)), DAY);
        assertThat(result.whyNot()).extracting(WhyNot::measureCode).hasSize(3).startsWith("B");
    }

    @Test
    void parametersAreCodesAndNumbersThatALanguageCanRender() {
        WhyNot w = whyNot(person(), List.of(), List.of(measure("M").seats(12, 12).waitlist(5, 9)), "M");
        for (Reason reason : w.unmet()) {
            assertThat(reason.params().values()).allMatch(v -> v.matches("[A-Za-z0-9_,.:\\-]*"));
        }
        assertThat(Map.copyOf(only(w.changes(), Reason.WAITLIST).params())).containsKeys("waiting", "releasedLast90Days");
    }

    @Test
    void conjunctsAreSplitOutsideBracketsAndStrings() {
        assertThat(RuleExplainer.conjuncts("a && (b || c) && d.exists(x, x in ['&&', 'y'])"))
                .containsExactly("a", "b || c", "d.exists(x, x in ['&&', 'y'])");
        assertThat(RuleExplainer.conjuncts("(a && b) && c")).containsExactly("a", "b", "c");
        assertThat(RuleExplainer.conjuncts("(a) || (b)")).containsExactly("(a) || (b)");
        // brackets, quotes of the other kind and escaped quotes inside a literal do not count
        assertThat(RuleExplainer.conjuncts("(m == ')') && n == \"it's && (\" && o == 'a\\' && )'"))
                .containsExactly("m == ')'", "n == \"it's && (\"", "o == 'a\\' && )'");
    }
}
