package org.inclusionmatch.profile.allocation;

import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.AllocationSolver.Solution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Planning a round ahead over its period (issue 14), two-stage: the present candidates and a sample of the candidates
 * expected in the later weekly rounds until the period ends are solved jointly ({@link AllocationSolver#solve}, the
 * same constraints), and only the present part is kept. A place the joint optimum gives to a later candidate stays
 * free now: it is held for later.
 *
 * <p>The later candidates are bootstrapped: drawn with replacement from the present candidates who may take a place,
 * each keeping that candidate's weights and quota groups, with a fixed seed, so the same round gives the same answer.
 * A later candidate's weight counts {@link #LATER_DISCOUNT} less than the same weight now (they are expected, not
 * here; and a tie goes to the person waiting now). Only the draws that can matter enter the model: per measure the
 * strongest as many as there are places (an optimum never needs a weaker one there), so the joint model stays within
 * the present candidates plus the places per measure.
 *
 * <p>Plain Java, no framework.
 */
public final class RoundPlanner {

    /** A later candidate's weight is this share less than the same weight now. */
    static final double LATER_DISCOUNT = 0.01;

    /** Bound on the later candidates drawn (drawing is cheap; only the strongest per measure enter the model). */
    static final int MAX_DRAWS = 200_000;

    /**
     * @param present    the proposal for the present candidates only
     * @param later      how many later candidates were drawn
     * @param heldPlaces places the joint optimum gives to later candidates, left free now
     */
    public record Plan(Solution present, int later, int heldPlaces) {
    }

    private RoundPlanner() {
    }

    /**
     * Solves the present problem jointly with {@code expectedLater} bootstrapped later candidates; with none (or no
     * candidate who may take a place) it is exactly {@link AllocationSolver#solve}.
     */
    public static Plan plan(Problem problem, int expectedLater, long seed, double timeLimitSeconds) {
        List<Candidate> present = problem.candidates();
        int n = present.size();
        int slots = problem.slots().size();
        List<Integer> placeable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < slots; s++) {
                if (AllocationSolver.allowed(present.get(i), s) && problem.slots().get(s).freePlaces() > 0) {
                    placeable.add(i);
                    break;
                }
            }
        }
        if (expectedLater <= 0 || placeable.isEmpty()) {
            return new Plan(AllocationSolver.solve(problem, timeLimitSeconds), 0, 0);
        }
        int draws = Math.min(expectedLater, MAX_DRAWS);
        Random random = new Random(seed);
        int[] drawn = new int[n];
        for (int d = 0; d < draws; d++) {
            drawn[placeable.get(random.nextInt(placeable.size()))]++;
        }
        int places = problem.slots().stream().mapToInt(slot -> Math.max(0, slot.freePlaces())).sum();
        if (problem.programmePlaces() >= 0) {
            places = Math.min(places, problem.programmePlaces());
        }
        // Per measure, the strongest draws up to the places; a candidate's copies are the most any measure keeps.
        int[] copies = new int[n];
        for (int s = 0; s < slots; s++) {
            Slot slot = problem.slots().get(s);
            if (slot.freePlaces() <= 0) {
                continue;
            }
            int keep = Math.min(places, slot.freePlaces());
            int measure = s;
            List<Integer> order = placeable.stream().filter(i -> drawn[i] > 0 && AllocationSolver.allowed(present.get(i), measure))
                    .sorted(Comparator.comparingDouble((Integer i) -> -present.get(i).fit()[measure]).thenComparing(i -> i))
                    .toList();
            int taken = 0;
            for (int i : order) {
                if (taken >= keep) {
                    break;
                }
                int c = Math.min(drawn[i], keep - taken);
                copies[i] = Math.max(copies[i], c);
                taken += c;
            }
        }
        List<Candidate> joint = new ArrayList<>(present);
        for (int i = 0; i < n; i++) {
            if (copies[i] == 0) {
                continue;
            }
            double[] discounted = present.get(i).fit().clone();
            for (int s = 0; s < slots; s++) {
                discounted[s] = discounted[s] * (1 - LATER_DISCOUNT); // NaN stays NaN: not allowed stays not allowed
            }
            Candidate later = new Candidate(present.get(i).groups(), discounted);
            for (int c = 0; c < copies[i]; c++) {
                joint.add(later);
            }
        }
        Solution solved = AllocationSolver.solve(new Problem(problem.slots(), joint, problem.quotas(), problem.pairs(),
                problem.programmePlaces()), timeLimitSeconds);
        int[] slotOf = Arrays.copyOf(solved.slotOf(), n);
        int held = 0;
        for (int j = n; j < joint.size(); j++) {
            held += solved.slotOf()[j] >= 0 ? 1 : 0;
        }
        return new Plan(new Solution(slotOf, problem.total(slotOf), solved.solveMillis(), solved.optimal(), solved.quotaShortfall(),
                solved.rateShortfall(), solved.proof()), draws, held);
    }
}
