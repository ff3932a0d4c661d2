package org.inclusionmatch.profile.allocation;

import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Quota;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.RoundPlanner.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning a round ahead, without a server: holds places for later candidates, never for their ties, reproducibly. */
class RoundPlannerTest {

    private static Problem oneMeasure(int places, double... fits) {
        List<Candidate> candidates = new ArrayList<>();
        for (double fit : fits) {
            candidates.add(new Candidate(Set.of("REGION:RIGA"), new double[]{fit}));
        }
        return new Problem(List.of(new Slot(places, false)), candidates, List.of(), List.of(), -1);
    }

    @Test
    void withoutLaterCandidatesItIsTheRoundAlone() {
        Problem problem = oneMeasure(3, 0.9, 0.9, 0.1);
        Plan plan = RoundPlanner.plan(problem, 0, 7, 10);
        assertThat(plan.present().slotOf()).containsExactly(AllocationSolver.solve(problem, 10).slotOf());
        assertThat(plan.present().slotOf()).containsExactly(0, 0, 0);
        assertThat(plan.later()).isZero();
        assertThat(plan.heldPlaces()).isZero();
    }

    @Test
    void holdsThePlaceOfTheWeakestForStrongerLaterCandidatesTheSameWayForTheSameSeed() {
        Problem problem = oneMeasure(3, 0.9, 0.9, 0.1);
        // 30 draws from three candidates: a draw like one of the two strong ones is all but certain ((1/3)^30 otherwise).
        Plan plan = RoundPlanner.plan(problem, 30, 7, 10);
        assertThat(plan.present().slotOf()).containsExactly(0, 0, -1);
        assertThat(plan.heldPlaces()).isEqualTo(1);
        assertThat(plan.later()).isEqualTo(30);
        assertThat(plan.present().totalFit()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
        for (long seed = 0; seed < 5; seed++) {
            assertThat(RoundPlanner.plan(problem, 30, seed, 10).present().slotOf()).as("seed %d", seed).containsExactly(0, 0, -1);
        }
    }

    @Test
    void aLaterCandidateNeverTakesThePlaceOfAnEqualOneWaitingNow() {
        // Everyone alike: later copies weigh 1 % less, so every present candidate keeps a place.
        Problem problem = oneMeasure(2, 0.5, 0.5);
        Plan plan = RoundPlanner.plan(problem, 1_000, 3, 10);
        assertThat(plan.present().slotOf()).containsExactly(0, 0);
        assertThat(plan.heldPlaces()).isZero();
    }

    @Test
    void laterCandidatesCountAgainstTheQuotasAndOnlyTheStrongestDrawsEnterTheModel() {
        // A region maximum of 2 over the period; the 2 strong present candidates are in it, so later ones add nothing.
        List<Candidate> candidates = List.of(new Candidate(Set.of("REGION:RIGA"), new double[]{0.9}),
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.9}),
                new Candidate(Set.of("REGION:LATGALE"), new double[]{0.2}));
        Problem problem = new Problem(List.of(new Slot(3, false)), candidates, List.of(new Quota("REGION:RIGA", null, 2)),
                List.of(), -1);
        Plan plan = RoundPlanner.plan(problem, RoundPlanner.MAX_DRAWS * 2, 11, 10);
        assertThat(plan.later()).isEqualTo(RoundPlanner.MAX_DRAWS);
        // The third place goes to a later LATGALE candidate only if one as strong as 0.2 is drawn: it is, and weighs
        // less (0.198), so the present LATGALE candidate keeps it.
        assertThat(plan.present().slotOf()).containsExactly(0, 0, 0);
        assertThat(plan.heldPlaces()).isZero();
    }
}
