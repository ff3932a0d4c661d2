package org.inclusionmatch.profile.allocation;

import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Pair;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Quota;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.AllocationSolver.Solution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact round against brute force on small problems, and every constraint checked on the answer. */
class AllocationSolverTest {

    /** 3 places in a half-way house, 2 in a support group, 8 candidates, quotas and a keep-apart pair. */
    @Test
    void respectsPlacesQuotasAndKeepApartAndBeatsFirstComeFirstServed() {
        double n = Double.NaN;
        List<Candidate> candidates = List.of(
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.30, 0.20}),          // 0 arrives first, fits little
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.35, n}),             // 1
                new Candidate(Set.of("REGION:VIDZEME", "TARGET_GROUP:OVER_50"), new double[]{0.90, 0.50}), // 2 keep apart from 3
                new Candidate(Set.of("REGION:VIDZEME"), new double[]{0.85, 0.40}),       // 3
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.80, 0.70}),          // 4
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.75, 0.90}),          // 5
                new Candidate(Set.of("REGION:LATGALE", "TARGET_GROUP:OVER_50"), new double[]{0.40, 0.60}), // 6
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.70, 0.65}));         // 7
        List<Quota> quotas = List.of(new Quota("REGION:RIGA", null, 3), new Quota("TARGET_GROUP:OVER_50", 2, null));
        Problem problem = new Problem(List.of(new Slot(3, true), new Slot(2, true)), candidates, quotas,
                List.of(new Pair(2, 3)), 5);

        Solution best = AllocationSolver.solve(problem, 10);
        Solution fcfs = AllocationSolver.firstComeFirstServed(problem, IntStream.range(0, 8).toArray());

        assertThat(best.optimal()).isTrue();
        assertFeasible(problem, best.slotOf());
        assertFeasible(problem, fcfs.slotOf());
        assertThat(best.slotOf()[2] == 0 && best.slotOf()[3] == 0).isFalse();
        assertThat(best.quotaShortfall()).isZero();
        assertThat(best.totalFit()).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(best.totalFit()).isGreaterThan(fcfs.totalFit());
    }

    @Test
    void equalsBruteForceOnRandomSmallProblems() {
        Random random = new Random(14);
        for (int trial = 0; trial < 20; trial++) {
            int people = 4 + random.nextInt(4);
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                double[] fit = new double[2];
                for (int s = 0; s < 2; s++) {
                    fit[s] = random.nextInt(5) == 0 ? Double.NaN : Math.round(random.nextDouble() * 1000) / 1000.0;
                }
                candidates.add(new Candidate(Set.of(random.nextBoolean() ? "REGION:RIGA" : "REGION:VIDZEME"), fit));
            }
            Problem problem = new Problem(List.of(new Slot(1 + random.nextInt(3), true), new Slot(1 + random.nextInt(2), false)),
                    candidates, List.of(new Quota("REGION:RIGA", null, 1 + random.nextInt(2))),
                    List.of(new Pair(0, 1), new Pair(2, 3)), random.nextBoolean() ? -1 : 2);
            Solution best = AllocationSolver.solve(problem, 10);
            assertFeasible(problem, best.slotOf());
            assertThat(best.totalFit()).as("trial %d", trial).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Every hard constraint: eligibility, places, programme places, quota maxima, keep-apart pairs. */
    static void assertFeasible(Problem problem, int[] slotOf) {
        int[] used = new int[problem.slots().size()];
        int total = 0;
        for (int i = 0; i < slotOf.length; i++) {
            if (slotOf[i] >= 0) {
                assertThat(AllocationSolver.allowed(problem.candidates().get(i), slotOf[i])).isTrue();
                used[slotOf[i]]++;
                total++;
            }
        }
        for (int s = 0; s < used.length; s++) {
            assertThat(used[s]).isLessThanOrEqualTo(problem.slots().get(s).freePlaces());
        }
        if (problem.programmePlaces() >= 0) {
            assertThat(total).isLessThanOrEqualTo(problem.programmePlaces());
        }
        for (Quota quota : problem.quotas()) {
            long inGroup = IntStream.range(0, slotOf.length)
                    .filter(i -> slotOf[i] >= 0 && problem.candidates().get(i).groups().contains(quota.group())).count();
            if (quota.max() != null) {
                assertThat(inGroup).isLessThanOrEqualTo(quota.max());
            }
        }
        for (Pair pair : problem.pairs()) {
            if (slotOf[pair.a()] >= 0 && slotOf[pair.a()] == slotOf[pair.b()]) {
                assertThat(problem.slots().get(slotOf[pair.a()]).keepApart()).as("pair together in a keep-apart slot").isFalse();
            }
        }
    }

    /** The best total fit over every assignment that meets the hard constraints and as many minima as possible. */
    static double bruteForce(Problem problem) {
        int n = problem.candidates().size();
        int options = problem.slots().size() + 1;
        int[] slotOf = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        int bestShort = Integer.MAX_VALUE;
        for (long code = 0; code < Math.pow(options, n); code++) {
            long c = code;
            for (int i = 0; i < n; i++) {
                slotOf[i] = (int) (c % options) - 1;
                c /= options;
            }
            if (!feasible(problem, slotOf)) {
                continue;
            }
            int shortfall = 0;
            for (Quota quota : problem.quotas()) {
                if (quota.min() != null) {
                    long inGroup = IntStream.range(0, n)
                            .filter(i -> slotOf[i] >= 0 && problem.candidates().get(i).groups().contains(quota.group())).count();
                    shortfall += Math.max(0, quota.min() - inGroup);
                }
            }
            double fit = 0;
            for (int i = 0; i < n; i++) {
                fit += slotOf[i] >= 0 ? problem.candidates().get(i).fit()[slotOf[i]] : 0;
            }
            if (shortfall < bestShort || (shortfall == bestShort && fit > best)) {
                best = fit;
                bestShort = shortfall;
            }
        }
        return best;
    }

    private static boolean feasible(Problem problem, int[] slotOf) {
        try {
            assertFeasible(problem, slotOf);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
