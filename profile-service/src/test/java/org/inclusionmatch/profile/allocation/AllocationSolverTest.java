package org.inclusionmatch.profile.allocation;

import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Pair;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Quota;
import org.inclusionmatch.profile.allocation.AllocationSolver.SelectionRate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.AllocationSolver.Solution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One measure of 10 places; group A's 8 candidates fit better than group B's 8 (base 8 each). Unconstrained, A
     * takes 8 places and B 2: B's rate is a quarter of A's. Under the four-fifths rule the answer is the best one
     * that keeps it (5 and 5, brute force), not the unconstrained one cut down.
     */
    @Test
    void fourFifthsRuleKeptAtTheLeastCost() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candidates.add(new Candidate(Set.of("TARGET_GROUP:A"), new double[]{0.90 - 0.01 * i}));
            candidates.add(new Candidate(Set.of("TARGET_GROUP:B"), new double[]{0.50 - 0.02 * i}));
        }
        Problem free = new Problem(List.of(new Slot(10, false)), candidates, List.of(), List.of(), -1);
        Problem fair = free.withSelectionRate(new SelectionRate(0.8, Map.of("TARGET_GROUP:A", 8.0, "TARGET_GROUP:B", 8.0), Map.of()));

        Solution unconstrained = AllocationSolver.solve(free, 10);
        Solution constrained = AllocationSolver.solve(fair, 10);

        assertThat(placed(fair, unconstrained.slotOf(), "TARGET_GROUP:B")).isEqualTo(2);
        assertThat(worstRatio(fair.selectionRates().get(0), fair, unconstrained.slotOf())).isLessThan(0.8);
        assertThat(constrained.rateShortfall()).isZero();
        assertThat(worstRatio(fair.selectionRates().get(0), fair, constrained.slotOf())).isGreaterThanOrEqualTo(0.8);
        assertThat(placed(fair, constrained.slotOf(), "TARGET_GROUP:A")).isEqualTo(5);
        assertThat(placed(fair, constrained.slotOf(), "TARGET_GROUP:B")).isEqualTo(5);
        assertThat(constrained.totalFit()).isCloseTo(bruteForce(fair), org.assertj.core.data.Offset.offset(1e-9))
                .isCloseTo(0.90 + 0.89 + 0.88 + 0.87 + 0.86 + 0.50 + 0.48 + 0.46 + 0.44 + 0.42, org.assertj.core.data.Offset.offset(1e-9));
    }

    /**
     * Places held before the round and persons outside it count: A already holds 4 places of a base of 5 (rate 0.8);
     * B's base is 10 persons of whom only 1 is a candidate, so B cannot reach 0.8 x 0.8. The rule cannot be kept: as
     * documented, the round keeps it as far as it can (A gets nothing more, B its one candidate), then maximises fit,
     * and reports the shortfall in whole places: B would need ceil(0.8 x 0.8 x 10) = 7 places, it has 1.
     */
    @Test
    void fourFifthsRuleThatCannotBeKeptLeavesTheLeastShortfallAndSaysSo() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            candidates.add(new Candidate(Set.of("TARGET_GROUP:A"), new double[]{0.9}));
        }
        candidates.add(new Candidate(Set.of("TARGET_GROUP:B"), new double[]{0.3}));
        SelectionRate rule = new SelectionRate(0.8, Map.of("TARGET_GROUP:A", 5.0, "TARGET_GROUP:B", 10.0), Map.of("TARGET_GROUP:A", 4));
        Problem problem = new Problem(List.of(new Slot(5, false)), candidates, List.of(), List.of(), -1).withSelectionRate(rule);

        Solution best = AllocationSolver.solve(problem, 10);

        assertThat(best.rateShortfall()).isEqualTo(6);
        assertThat(best.slotOf()).containsExactly(-1, -1, -1, -1, -1, 0);
        assertThat(best.totalFit()).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Random small rounds with overlapping groups, held places and bases beyond the candidates, against brute force. */
    @Test
    void fourFifthsRuleEqualsBruteForceOnRandomSmallProblems() {
        Random random = new Random(45);
        String[] groups = {"TARGET_GROUP:A", "TARGET_GROUP:B", "TARGET_GROUP:C"};
        for (int trial = 0; trial < 25; trial++) {
            int people = 5 + random.nextInt(3);
            List<Candidate> candidates = new ArrayList<>();
            Map<String, Double> base = new HashMap<>();
            for (int i = 0; i < people; i++) {
                double[] fit = new double[2];
                for (int s = 0; s < 2; s++) {
                    fit[s] = random.nextInt(4) == 0 ? Double.NaN : Math.round(random.nextDouble() * 1000) / 1000.0;
                }
                String group = groups[random.nextInt(random.nextInt(4) == 0 ? 3 : 2)];
                Set<String> keys = random.nextInt(5) == 0 ? Set.of(group, "REGION:RIGA") : Set.of(group);
                candidates.add(new Candidate(keys, fit));
                base.merge(group, 1.0, Double::sum);
            }
            Map<String, Integer> held = new HashMap<>();
            for (String g : base.keySet()) {
                base.merge(g, (double) random.nextInt(4) + (random.nextBoolean() ? 0.5 : 0), Double::sum);
                held.put(g, random.nextInt(2));
            }
            double ratio = random.nextBoolean() ? 0.8 : 0.9;
            Problem problem = new Problem(List.of(new Slot(1 + random.nextInt(3), true), new Slot(1 + random.nextInt(2), false)),
                    candidates, List.of(new Quota("REGION:RIGA", null, 1)), List.of(new Pair(0, 1)), random.nextBoolean() ? -1 : 3)
                    .withSelectionRate(new SelectionRate(ratio, base, held));
            Solution best = AllocationSolver.solve(problem, 10);
            assertFeasible(problem, best.slotOf());
            assertThat(best.totalFit()).as("trial %d", trial).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(best.rateShortfall()).as("trial %d", trial).isEqualTo(rateShortfall(problem, best.slotOf()));
            if (best.rateShortfall() == 0) {
                assertThat(worstRatio(problem.selectionRates().get(0), problem, best.slotOf())).as("trial %d", trial)
                        .isGreaterThanOrEqualTo(ratio - 1e-12);
            }
        }
    }

    /**
     * Issue 23: every candidate can have their best place at once (candidate 0 only by moving to the other of its two
     * best measures, a tie, so that candidate 1 gets the one place it may take), within a region maximum and with a
     * keep-apart pair not sharing a measure: optimal without search, and brute force agrees. A quota minimum the
     * candidates cannot reach changes nothing: everyone of the group is placed, so its shortfall is the least possible.
     */
    @Test
    void roundWhereAllFitIsOptimalWithoutSearch() {
        double n = Double.NaN;
        List<Candidate> candidates = List.of(
                new Candidate(Set.of("REGION:VIDZEME", "TARGET_GROUP:OVER_50"), new double[]{0.7, 0.7, 0.3}),
                new Candidate(Set.of("REGION:RIGA"), new double[]{0.9, n, 0.1}),
                new Candidate(Set.of("REGION:RIGA"), new double[]{n, 0.8, 0.2}),
                new Candidate(Set.of("REGION:VIDZEME"), new double[]{0.2, n, 0.6}),
                new Candidate(Set.of("REGION:LATGALE"), new double[]{n, n, 0.6}));
        Problem problem = new Problem(List.of(new Slot(1, false), new Slot(2, false), new Slot(2, true)), candidates,
                List.of(new Quota("REGION:RIGA", null, 2), new Quota("TARGET_GROUP:OVER_50", 3, null)), List.of(new Pair(1, 3)), 5);

        Solution best = AllocationSolver.solve(problem, 10);

        assertThat(best.proof().method()).isEqualTo(AllocationSolver.Method.ALL_FIT);
        assertThat(best.proof().searched()).isFalse();
        assertThat(best.optimal()).isTrue();
        assertThat(best.slotOf()).containsExactly(1, 0, 1, 2, 2);
        assertThat(best.quotaShortfall()).isEqualTo(2);
        assertThat(best.proof().relativeGap()).isZero();
        assertFeasible(problem, best.slotOf());
        assertThat(best.totalFit()).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));

        // One place fewer in slot 1: the best places no longer go round, so the search decides (and proves it).
        Problem tighter = new Problem(List.of(new Slot(1, false), new Slot(1, false), new Slot(2, true)), candidates,
                problem.quotas(), problem.pairs(), 5);
        Solution searched = AllocationSolver.solve(tighter, 10);
        assertThat(searched.proof().method()).isEqualTo(AllocationSolver.Method.SEARCH_OPTIMAL);
        assertThat(searched.proof().searched()).isTrue();
        assertThat(searched.totalFit()).isCloseTo(bruteForce(tighter), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** What stops the shortcut: the programme's places, a quota maximum, a keep-apart pair, the four-fifths rule. */
    @Test
    void allFitNeedsEveryConstraintKeptAtOnce() {
        List<Candidate> two = List.of(new Candidate(Set.of("TARGET_GROUP:A"), new double[]{0.9}),
                new Candidate(Set.of("TARGET_GROUP:B"), new double[]{0.5}));
        Slot house = new Slot(2, true);
        assertThat(AllocationSolver.solve(new Problem(List.of(house), two, List.of(), List.of(), 2), 10).proof().method())
                .isEqualTo(AllocationSolver.Method.ALL_FIT);
        List<Problem> blocked = List.of(
                new Problem(List.of(house), two, List.of(), List.of(), 1),
                new Problem(List.of(house), two, List.of(new Quota("TARGET_GROUP:A", null, 0)), List.of(), -1),
                new Problem(List.of(house), two, List.of(), List.of(new Pair(0, 1)), -1),
                new Problem(List.of(house), two, List.of(), List.of(), -1).withSelectionRate(
                        new SelectionRate(0.8, Map.of("TARGET_GROUP:A", 1.0, "TARGET_GROUP:B", 4.0), Map.of())));
        for (Problem problem : blocked) {
            Solution best = AllocationSolver.solve(problem, 10);
            assertThat(best.proof().method()).isEqualTo(AllocationSolver.Method.SEARCH_OPTIMAL);
            assertThat(best.totalFit()).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * Many interchangeable candidates (a few types, as a planned round's bootstrapped later candidates are), some of
     * them in keep-apart pairs, under quotas: the solver's classes of alike candidates give the brute-force optimum.
     */
    @Test
    void interchangeableCandidatesEqualBruteForce() {
        Random random = new Random(23);
        for (int trial = 0; trial < 10; trial++) {
            List<Candidate> types = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                double[] fit = new double[2];
                for (int s = 0; s < 2; s++) {
                    fit[s] = random.nextInt(4) == 0 ? Double.NaN : Math.round(random.nextDouble() * 100) / 100.0;
                }
                types.add(new Candidate(Set.of(random.nextBoolean() ? "REGION:RIGA" : "REGION:VIDZEME"), fit));
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                candidates.add(types.get(random.nextInt(types.size())));
            }
            Problem problem = new Problem(List.of(new Slot(1 + random.nextInt(3), true), new Slot(1 + random.nextInt(3), false)),
                    candidates, List.of(new Quota("REGION:RIGA", random.nextInt(3), 1 + random.nextInt(3))),
                    random.nextBoolean() ? List.of(new Pair(0, 1)) : List.of(), random.nextBoolean() ? -1 : 3);
            Solution best = AllocationSolver.solve(problem, 10);
            assertFeasible(problem, best.slotOf());
            assertThat(best.optimal()).isTrue();
            assertThat(best.totalFit()).as("trial %d", trial).isCloseTo(bruteForce(problem), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * A round stopped by its time limit says so: not optimal, SEARCH_TIME_LIMIT, the objective it reached below the
     * bound proven, and the relative gap between them; the proposal still keeps every hard constraint.
     */
    @Test
    void roundThatHitsItsTimeLimitReportsItsGap() {
        Random random = new Random(5);
        List<Slot> slots = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            slots.add(new Slot(30, m < 3));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double[] fit = new double[10];
            java.util.Arrays.fill(fit, Double.NaN);
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                fit[random.nextInt(10)] = Math.round((0.2 + 0.8 * random.nextDouble()) * 1000) / 1000.0;
            }
            candidates.add(new Candidate(Set.of("REGION:R" + random.nextInt(6), "TARGET_GROUP:G" + random.nextInt(8)), fit));
        }
        List<Quota> quotas = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            quotas.add(new Quota("TARGET_GROUP:G" + g, 25, null));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            pairs.add(new Pair(2 * k, 2 * k + 1));
        }
        Problem problem = new Problem(slots, candidates, quotas, pairs, 250);

        Solution stopped = AllocationSolver.solve(problem, 0.01);

        assertThat(stopped.optimal()).isFalse();
        assertThat(stopped.proof().method()).isEqualTo(AllocationSolver.Method.SEARCH_TIME_LIMIT);
        assertThat(stopped.proof().timeLimitSeconds()).isEqualTo(0.01);
        assertThat(stopped.proof().bestBound()).isGreaterThanOrEqualTo(stopped.proof().objective());
        assertThat(stopped.proof().relativeGap()).isGreaterThan(0)
                .isCloseTo((stopped.proof().bestBound() - stopped.proof().objective())
                        / Math.max(Math.abs(stopped.proof().bestBound()), Math.abs(stopped.proof().objective())),
                        org.assertj.core.data.Offset.offset(1e-12));
        assertFeasible(problem, stopped.slotOf());
        System.out.printf("TIME LIMIT 0.01 s: %d ms, objective %.4f, best bound %.4f, relative gap %.4f%n", stopped.solveMillis(),
                stopped.proof().objective(), stopped.proof().bestBound(), stopped.proof().relativeGap());
    }

    static int placed(Problem problem, int[] slotOf, String group) {
        return (int) IntStream.range(0, slotOf.length)
                .filter(i -> slotOf[i] >= 0 && problem.candidates().get(i).groups().contains(group)).count();
    }

    /** The lowest rate over the highest among the groups with a base (1 when no group has a place). */
    static double worstRatio(SelectionRate rule, Problem problem, int[] slotOf) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (Map.Entry<String, Double> e : rule.base().entrySet()) {
            double rate = (rule.held().getOrDefault(e.getKey(), 0) + placed(problem, slotOf, e.getKey())) / e.getValue();
            lowest = Math.min(lowest, rate);
            highest = Math.max(highest, rate);
        }
        return highest == 0 ? 1 : lowest / highest;
    }

    /**
     * Per group, the whole places it lacks to reach ratio x every other group's rate, summed: computed in exact
     * fractions from the definition, not from the solver's scaled form.
     */
    static int rateShortfall(Problem problem, int[] slotOf) {
        int total = 0;
        for (SelectionRate rule : problem.selectionRates()) {
            for (String g : rule.base().keySet()) {
                int have = rule.held().getOrDefault(g, 0) + placed(problem, slotOf, g);
                int need = 0;
                for (String h : rule.base().keySet()) {
                    int theirs = rule.held().getOrDefault(h, 0) + placed(problem, slotOf, h);
                    // the least whole places p with p / base_g >= ratio x theirs / base_h
                    double exact = rule.ratio() * theirs * rule.base().get(g) / rule.base().get(h);
                    int p = (int) Math.ceil(exact - 1e-9);
                    need = Math.max(need, p);
                }
                total += Math.max(0, need - have);
            }
        }
        return total;
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

    /**
     * The best total fit over every assignment that meets the hard constraints and, first, as many quota minima and
     * as much of the selection-rate rule as possible (whole places short, summed, as the solver counts them).
     */
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
            shortfall += rateShortfall(problem, slotOf);
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
