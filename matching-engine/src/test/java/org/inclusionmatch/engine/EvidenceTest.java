package org.inclusionmatch.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.engine.TestData.DAY;
import static org.inclusionmatch.engine.TestData.catalogue;
import static org.inclusionmatch.engine.TestData.id;
import static org.inclusionmatch.engine.TestData.measure;
import static org.inclusionmatch.engine.TestData.person;
import static org.inclusionmatch.engine.TestData.programme;

/** Evidence from past outcomes (issue 13): thin, rich and suppressed; reorders, never admits, never outweighs a need. */
class EvidenceTest {

    private final MatchingEngine engine = new MatchingEngine();

    /** Two measures alike in every way the score sees; "A" comes first by code when nothing tells them apart. */
    private static Catalogue twins(Evidence.Cell... cells) {
        return catalogue(measure("A"), measure("B")).withEvidence(new Evidence(0.5, List.of(cells)));
    }

    private static Evidence.Cell cell(String measure, String archetype, int people, int included) {
        return new Evidence.Cell(Evidence.Scope.MEASURE, id(measure), Evidence.Group.ARCHETYPE, archetype, people, included);
    }

    private List<Recommendation> recommend(TestData.PersonSpec person, Catalogue catalogue) {
        return engine.recommend(person.build(), catalogue, DAY);
    }

    @Test
    void withoutEvidenceTheOrderIsByCode() {
        assertThat(recommend(person(), twins())).extracting(Recommendation::measureCode).containsExactly("A", "B");
    }

    @Test
    void richEvidenceReordersAndIsReportedWithRateAndSize() {
        List<Recommendation> result = recommend(person().archetype("SURVIVOR"), twins(cell("B", "SURVIVOR", 60, 42)));
        assertThat(result).extracting(Recommendation::measureCode).containsExactly("B", "A");
        Reason reason = result.get(0).reasons().stream().filter(r -> r.code().equals(Reason.EVIDENCE)).findFirst().orElseThrow();
        // (42 + 20 * 0.5) / (60 + 20) = 0.65
        assertThat(reason.params()).containsEntry("people", "60").containsEntry("ratePercent", "65")
                .containsEntry("overallPercent", "50").containsEntry("group", "ARCHETYPE").containsEntry("value", "SURVIVOR");
        assertThat(result.get(1).reasons()).extracting(Reason::code).doesNotContain(Reason.EVIDENCE);
    }

    @Test
    void thinEvidenceIsNotUsed() {
        List<Recommendation> result = recommend(person().archetype("SURVIVOR"), twins(cell("B", "SURVIVOR", 9, 9)));
        assertThat(result).extracting(Recommendation::measureCode).containsExactly("A", "B");
        assertThat(result.get(1).reasons()).extracting(Reason::code).doesNotContain(Reason.EVIDENCE);
    }

    @Test
    void evidenceJustAboveTheMinimumIsPulledTowardTheOverallRate() {
        List<Recommendation> result = recommend(person().archetype("SURVIVOR"), twins(cell("B", "SURVIVOR", 10, 10)));
        Reason reason = result.get(0).reasons().stream().filter(r -> r.code().equals(Reason.EVIDENCE)).findFirst().orElseThrow();
        assertThat(reason.params()).containsEntry("ratePercent", "67"); // (10 + 10) / 30, not 100%
    }

    @Test
    void aSuppressedCellIsNeitherUsedNorShown() {
        Evidence evidence = new Evidence(0.5, List.of(cell("B", "SURVIVOR", 4, 4)));
        assertThat(evidence.cell(Evidence.Scope.MEASURE, id("B"), Evidence.Group.ARCHETYPE, "SURVIVOR")).isEmpty();
        assertThat(recommend(person().archetype("SURVIVOR"), twins(cell("B", "SURVIVOR", 4, 4))))
                .extracting(Recommendation::measureCode).containsExactly("A", "B");
    }

    @Test
    void evidenceOfOtherPeopleDoesNotApply() {
        assertThat(recommend(person().archetype("SURVIVOR"), twins(cell("B", "SAFE_HAVEN", 60, 60))))
                .extracting(Recommendation::measureCode).containsExactly("A", "B");
    }

    @Test
    void aTargetGroupCellAndTheProgrammeAreUsedWhenTheMeasureHasNone() {
        Catalogue catalogue = catalogue(List.of(programme("P")), List.of(measure("A"), measure("B").programme("P")))
                .withEvidence(new Evidence(0.5, List.of(new Evidence.Cell(Evidence.Scope.PROGRAMME, id("P"),
                        Evidence.Group.TARGET_GROUP, "OVER_50", 100, 80))));
        List<Recommendation> result = recommend(person().targetGroups("OVER_50"), catalogue);
        assertThat(result).extracting(Recommendation::measureCode).containsExactly("B", "A");
        assertThat(result.get(0).reasons()).filteredOn(r -> r.code().equals(Reason.EVIDENCE)).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("scope", "PROGRAMME").containsEntry("value", "OVER_50"));
    }

    @Test
    void evidenceNeverAdmits() {
        Catalogue catalogue = catalogue(measure("A"), measure("FULL").seats(10, 10))
                .withEvidence(new Evidence(0.5, List.of(cell("FULL", "SURVIVOR", 500, 500))));
        assertThat(recommend(person().archetype("SURVIVOR"), catalogue)).extracting(Recommendation::measureCode)
                .containsExactly("A");
    }

    @Test
    void evidenceNeverOutweighsANeedCovered() {
        // the person has two needs: a measure covering both beats one covering one, however good the latter's record
        Catalogue catalogue = catalogue(measure("BOTH").needs("HOUSING", "LEGAL"), measure("ONE").needs("HOUSING"))
                .withEvidence(new Evidence(0.1, List.of(cell("ONE", "SURVIVOR", 10_000, 10_000),
                        cell("BOTH", "SURVIVOR", 10_000, 0))));
        assertThat(recommend(person().archetype("SURVIVOR").needs("HOUSING", "LEGAL"), catalogue))
                .extracting(Recommendation::measureCode).startsWith("BOTH");
    }
}
