package org.inclusionmatch.profile.allocation;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The exact assignment of one allocation round: candidates to places of one or more measures, maximising the total
 * fit, with each candidate in at most one measure, each measure within its free places, the programme within its
 * free places, quota groups (region or target group) within their maxima and, as far as candidates allow, up to
 * their minima, and keep-apart pairs never together in a residential or group measure.
 *
 * <p>Plain Java over Google OR-Tools' CP-SAT solver (no framework), so it is unit tested and benchmarked alone.
 * Quotas over overlapping target groups and pair constraints make the problem an integer programme (no longer a
 * flow: the constraint matrix is not totally unimodular), so a MIP/CP solver, not a min-cost flow, gives the
 * exact optimum. Fit is scaled to integers (1/10,000); a shortfall under a quota minimum, or under the
 * four-fifths rule of a {@link SelectionRate}, costs more than all fit together, so minima and the rule are met
 * first wherever the candidates allow, and the model is always feasible.
 *
 * <p>Also here: first come first served on the same problem, the baseline a round is compared with.
 */
public final class AllocationSolver {

    static final long SCALE = 10_000;

    /** A place-giving measure of the round: its free places, and whether keep-apart applies (residential or group). */
    public record Slot(int freePlaces, boolean keepApart) {
    }

    /**
     * One candidate: the group keys quotas may name ("REGION:VIDZEME", "TARGET_GROUP:OVER_50") and the fit per slot,
     * {@code NaN} (or below 0) where the candidate may not take that slot.
     */
    public record Candidate(Set<String> groups, double[] fit) {
    }

    /** At most {@code max} and, where candidates allow, at least {@code min} places for the group; either may be null. */
    public record Quota(String group, Integer min, Integer max) {
    }

    /** Candidate indexes {@code a} and {@code b} never share a keep-apart slot. */
    public record Pair(int a, int b) {
    }

    /**
     * The four-fifths rule over one dimension's groups (for example the "TARGET_GROUP:..." keys): every group's
     * selection rate is at least {@code ratio} times every other group's, where a group's rate is its places
     * ({@code held} before this round plus those the round gives its candidates) over its {@code base}, the persons
     * the rate is over. The base may count persons who are not candidates of the round (arrived in earlier rounds,
     * or expected in later ones) and need not be whole. Groups with no base, or a base of 0, are not compared; a
     * candidate counts for each group key of its own that has a base.
     *
     * <p>Linear with integer coefficients: {@code (held_g + x_g) x base_h >= ratio x (held_h + x_h) x base_g} with the
     * bases in 1/100 and the ratio in 1/1,000. Soft, like quota minima: where places and candidates do not allow
     * it, a group's shortfall (the whole places it lacks to reach {@code ratio} times the best-served group's rate)
     * costs more than all fit together, so the round first keeps the rule as far as it can, then maximises fit,
     * and the model stays feasible. It may do so by leaving places empty: the rule compares rates, and a rate
     * that cannot be raised is matched by lowering the others ({@link Solution#rateShortfall()} says what is left).
     * So give a base only to groups whose persons are candidates or hold places: a group with a base, no candidate
     * and nothing held has rate 0, and the rule then leaves every other group's places empty.
     */
    public record SelectionRate(double ratio, Map<String, Double> base, Map<String, Integer> held) {

        public SelectionRate {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("ratio must be in (0, 1]: " + ratio);
            }
            base = Map.copyOf(base);
            held = Map.copyOf(held);
        }
    }

    /**
     * @param programmePlaces free places in the programme across all slots, or -1 for no programme limit
     * @param selectionRates  four-fifths constraints (usually none or one per dimension)
     */
    public record Problem(List<Slot> slots, List<Candidate> candidates, List<Quota> quotas, List<Pair> pairs,
                          int programmePlaces, List<SelectionRate> selectionRates) {

        public Problem(List<Slot> slots, List<Candidate> candidates, List<Quota> quotas, List<Pair> pairs, int programmePlaces) {
            this(slots, candidates, quotas, pairs, programmePlaces, List.of());
        }

        /** The candidates' weights summed over the places {@code slotOf} gives them (-1: none). */
        public double total(int[] slotOf) {
            double total = 0;
            for (int i = 0; i < slotOf.length; i++) {
                if (slotOf[i] >= 0) {
                    total += candidates.get(i).fit()[slotOf[i]];
                }
            }
            return total;
        }

        /** The same problem under one more selection-rate constraint. */
        public Problem withSelectionRate(SelectionRate rate) {
            List<SelectionRate> rates = new ArrayList<>(selectionRates);
            rates.add(rate);
            return new Problem(slots, candidates, quotas, pairs, programmePlaces, List.copyOf(rates));
        }
    }

    /**
     * Per candidate the slot index or -1; the total fit; how long the solve took; whether it is proven optimal;
     * places by which quota minima fell short; whole places by which groups fell short of the selection-rate rule;
     * and how the answer was reached ({@link Proof}).
     */
    public record Solution(int[] slotOf, double totalFit, long solveMillis, boolean optimal, int quotaShortfall,
                           int rateShortfall, Proof proof) {

        public Solution(int[] slotOf, double totalFit, long solveMillis, boolean optimal, int quotaShortfall, int rateShortfall) {
            this(slotOf, totalFit, solveMillis, optimal, quotaShortfall, rateShortfall, null);
        }

        public Solution(int[] slotOf, double totalFit, long solveMillis, boolean optimal, int quotaShortfall) {
            this(slotOf, totalFit, solveMillis, optimal, quotaShortfall, 0);
        }

        public int assigned() {
            return (int) Arrays.stream(slotOf).filter(s -> s >= 0).count();
        }
    }

    /** How a solve ended: every candidate's best place at once, no search; or CP-SAT's search, optimal or stopped. */
    public enum Method {
        /** Every candidate got a place that is best for them under the objective, together: optimal without search. */
        ALL_FIT,
        /** CP-SAT searched and proved the optimum. */
        SEARCH_OPTIMAL,
        /** CP-SAT's search reached the time limit before proving the optimum: the answer is its best solution. */
        SEARCH_TIME_LIMIT
    }

    /**
     * What the model's objective (the weights in 1/{@value #SCALE}, minus the penalty of every shortfall) reached and
     * the best bound proven on it, in the weights' units; the relative gap is {@code (bound - objective) / max(|bound|,
     * |objective|)}, 0 when they meet.
     */
    public record Proof(Method method, double timeLimitSeconds, double objective, double bestBound) {

        public boolean searched() {
            return method != Method.ALL_FIT;
        }

        public double relativeGap() {
            double scale = Math.max(Math.abs(bestBound), Math.abs(objective));
            return scale == 0 ? 0 : Math.max(0, bestBound - objective) / scale;
        }
    }

    /** Selection-rate bases are scaled to whole hundredths of a person, ratios to thousandths. */
    static final long BASE_SCALE = 100;
    static final long RATIO_SCALE = 1_000;

    /** CP-SAT's search workers: {@code inclusion.allocation.workers}, default the processors up to 4. */
    static final int WORKERS = Integer.getInteger("inclusion.allocation.workers",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    private static volatile boolean loaded;

    /** Loads the solver's native library once per JVM (from the jar for this platform). */
    public static void loadNative() {
        if (!loaded) {
            synchronized (AllocationSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    private AllocationSolver() {
    }

    public static boolean allowed(Candidate candidate, int slot) {
        double f = candidate.fit()[slot];
        return !Double.isNaN(f) && f >= 0;
    }

    /** Whether the model has a place for the candidate in the slot: allowed, and the slot has a free place. */
    static boolean placeable(Problem problem, Candidate candidate, int slot) {
        return allowed(candidate, slot) && problem.slots().get(slot).freePlaces() > 0;
    }

    /** A weight as the objective counts it: in 1/{@value #SCALE}. */
    static long scaled(double weight) {
        return Math.round(weight * SCALE);
    }

    /**
     * Solves exactly. When every candidate can have a place that is best for them under the objective, all at once
     * within every constraint ({@link #allFit}), that is the optimum and no search runs; otherwise CP-SAT searches
     * for at most {@code timeLimitSeconds}, and the result says whether optimality was proven ({@link Proof}).
     */
    public static Solution solve(Problem problem, double timeLimitSeconds) {
        long started = System.nanoTime();
        Solution allFit = allFit(problem, timeLimitSeconds, started);
        return allFit != null ? allFit : search(problem, timeLimitSeconds, started);
    }

    /**
     * The optimum without search, where a simple argument proves it: the objective is the sum of the weights of the
     * places given (each candidate at most one, so at most the sum of each candidate's best weight) minus a penalty
     * for each quota minimum's and each selection-rate group's shortfall. If every candidate who may take a place gets
     * one of their best (ties chosen by a matching within the free places), within the programme's places, the quota
     * maxima and the keep-apart pairs, then the weights reach their bound; every quota group then has all its
     * placeable members placed, so each minimum's shortfall is the least possible; and if no selection-rate group
     * falls short, every term of the objective is at its own bound: optimal. Null when any step fails (the search
     * then decides): a sufficient condition, never a guess.
     */
    static Solution allFit(Problem problem, double timeLimitSeconds, long started) {
        List<Candidate> candidates = problem.candidates();
        int n = candidates.size();
        int slots = problem.slots().size();
        int[][] best = new int[n][];
        long weights = 0;
        long totalScaled = 0; // as the model counts it, for the shortfall penalty
        int placeable = 0;
        Map<String, Integer> members = new HashMap<>(); // placeable candidates per group: all of them are placed
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            long top = Long.MIN_VALUE;
            for (int s = 0; s < slots; s++) {
                if (placeable(problem, candidate, s)) {
                    long w = scaled(candidate.fit()[s]);
                    totalScaled += w;
                    top = Math.max(top, w);
                }
            }
            if (top == Long.MIN_VALUE) {
                best[i] = new int[0];
                continue;
            }
            long bestWeight = top;
            best[i] = IntStream.range(0, slots)
                    .filter(s -> placeable(problem, candidate, s) && scaled(candidate.fit()[s]) == bestWeight).toArray();
            weights += top;
            placeable++;
            for (String group : candidate.groups()) {
                members.merge(group, 1, Integer::sum);
            }
        }
        if (problem.programmePlaces() >= 0 && placeable > problem.programmePlaces()) {
            return null;
        }
        int quotaShortfall = 0;
        for (Quota quota : problem.quotas()) {
            int placed = members.getOrDefault(quota.group(), 0);
            if (quota.max() != null && placed > quota.max()) {
                return null;
            }
            if (quota.min() != null && quota.min() > 0) {
                quotaShortfall += Math.max(0, quota.min() - placed);
            }
        }
        for (SelectionRate rate : problem.selectionRates()) {
            if (rateShortfall(rate, members) > 0) {
                return null;
            }
        }
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        List<List<Integer>> in = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            in.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (best[i].length > 0 && !augment(i, best, slotOf, in, problem, new boolean[slots])) {
                return null; // the best places do not go round
            }
        }
        for (Pair pair : problem.pairs()) {
            int s = slotOf[pair.a()];
            if (s >= 0 && s == slotOf[pair.b()] && problem.slots().get(s).keepApart()) {
                return null;
            }
        }
        double objective = (weights - (totalScaled + 1) * quotaShortfall) / (double) SCALE;
        return new Solution(slotOf, problem.total(slotOf), (System.nanoTime() - started) / 1_000_000, true, quotaShortfall, 0,
                new Proof(Method.ALL_FIT, timeLimitSeconds, objective, objective));
    }

    /**
     * Places candidate {@code i} in one of its best slots, moving candidates already placed to another of their best
     * slots where that frees one (an augmenting path of bipartite matching with capacities; each slot visited once).
     */
    private static boolean augment(int i, int[][] best, int[] slotOf, List<List<Integer>> in, Problem problem, boolean[] seen) {
        for (int s : best[i]) {
            if (seen[s]) {
                continue;
            }
            seen[s] = true;
            List<Integer> here = in.get(s);
            if (here.size() < problem.slots().get(s).freePlaces()) {
                here.add(i);
                slotOf[i] = s;
                return true;
            }
            for (int k = 0; k < here.size(); k++) {
                if (augment(here.get(k), best, slotOf, in, problem, seen)) {
                    here.set(k, i);
                    slotOf[i] = s;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The least whole places the groups of a selection-rate rule fall short by, when each group has {@code placed}
     * of its candidates placed (the model's constraints, {@link #addSelectionRate}, evaluated at those counts).
     */
    static long rateShortfall(SelectionRate rate, Map<String, Integer> placed) {
        long ratio = Math.round(rate.ratio() * RATIO_SCALE);
        List<String> groups = rate.base().entrySet().stream()
                .filter(e -> Math.round(e.getValue() * BASE_SCALE) > 0).map(Map.Entry::getKey).sorted().toList();
        if (groups.size() < 2) {
            return 0;
        }
        long shortfall = 0;
        for (String g : groups) {
            long mine = 0;
            for (String h : groups) {
                if (h.equals(g)) {
                    continue;
                }
                long left = RATIO_SCALE * Math.round(rate.base().get(h) * BASE_SCALE);
                long right = ratio * Math.round(rate.base().get(g) * BASE_SCALE);
                long gcd = gcd(left, right);
                left /= gcd;
                right /= gcd;
                long have = rate.held().getOrDefault(g, 0) + placed.getOrDefault(g, 0);
                long other = rate.held().getOrDefault(h, 0) + placed.getOrDefault(h, 0);
                mine = Math.max(mine, ceilDiv(right * other - left * have, left));
            }
            shortfall += mine;
        }
        return shortfall;
    }

    /** A sum of unit terms (places, or counts of interchangeable candidates' places) and the most it can reach. */
    private static final class Units {
        final List<IntVar> vars = new ArrayList<>();
        long most;

        void add(IntVar v, long upTo) {
            vars.add(v);
            most += upTo;
        }

        LinearExpr sum() {
            return LinearExpr.sum(vars.toArray(IntVar[]::new));
        }
    }

    /**
     * CP-SAT on the model. Candidates the model cannot tell apart (the same weights where they may take a place, the
     * same quota groups, in no keep-apart pair: a planned round's bootstrapped later candidates, or the same person
     * type arriving twice) are one class with one integer variable per slot (how many of them take it) instead of one
     * Boolean each: the same optimum without the symmetry that otherwise hides the per-candidate at-most-one from the
     * LP relaxation (see {@code docs/matching-and-allocation.md}).
     */
    private static Solution search(Problem problem, double timeLimitSeconds, long started) {
        loadNative();
        List<Candidate> candidates = problem.candidates();
        int n = candidates.size();
        int slots = problem.slots().size();
        Set<Integer> paired = new HashSet<>();
        for (Pair pair : problem.pairs()) {
            paired.add(pair.a());
            paired.add(pair.b());
        }
        Map<List<Object>, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            List<Object> key = new ArrayList<>();
            key.add(paired.contains(i) ? i : -1); // a candidate of a pair is a class of its own
            key.add(new java.util.TreeSet<>(candidate.groups()));
            for (int s = 0; s < slots; s++) {
                key.add(placeable(problem, candidate, s) ? scaled(candidate.fit()[s]) : null);
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> classes = new ArrayList<>(byKey.values());
        int[] classOf = new int[n];
        for (int c = 0; c < classes.size(); c++) {
            for (int i : classes.get(c)) {
                classOf[i] = c;
            }
        }

        CpModel model = new CpModel();
        IntVar[][] x = new IntVar[classes.size()][slots];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<Units> bySlot = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            bySlot.add(new Units());
        }
        Units all = new Units();
        Map<String, Units> byGroup = new HashMap<>();
        long totalScaled = 0;
        for (int c = 0; c < classes.size(); c++) {
            int size = classes.get(c).size();
            Candidate candidate = candidates.get(classes.get(c).get(0));
            Units mine = new Units();
            for (int s = 0; s < slots; s++) {
                if (!placeable(problem, candidate, s)) {
                    continue;
                }
                int upTo = Math.min(size, problem.slots().get(s).freePlaces());
                IntVar v = size == 1 ? model.newBoolVar("x" + c + "_" + s) : model.newIntVar(0, upTo, "n" + c + "_" + s);
                x[c][s] = v;
                long scaled = scaled(candidate.fit()[s]);
                totalScaled += scaled * size;
                objective.addTerm(v, scaled);
                mine.add(v, upTo);
                bySlot.get(s).add(v, upTo);
                all.add(v, upTo);
                for (String group : candidate.groups()) {
                    byGroup.computeIfAbsent(group, g -> new Units()).add(v, upTo);
                }
            }
            if (mine.most > size) {
                if (size == 1) {
                    model.addAtMostOne(mine.vars.stream().map(v -> (Literal) v).toArray(Literal[]::new));
                } else {
                    model.addLessOrEqual(mine.sum(), size);
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            if (bySlot.get(s).most > problem.slots().get(s).freePlaces()) {
                model.addLessOrEqual(bySlot.get(s).sum(), problem.slots().get(s).freePlaces());
            }
        }
        if (problem.programmePlaces() >= 0 && all.most > problem.programmePlaces()) {
            model.addLessOrEqual(all.sum(), problem.programmePlaces());
        }
        long shortfallCost = totalScaled + 1;
        List<IntVar> shortfalls = new ArrayList<>();
        for (Quota quota : problem.quotas()) {
            Units members = byGroup.getOrDefault(quota.group(), new Units());
            if (quota.max() != null && members.most > quota.max()) {
                model.addLessOrEqual(members.sum(), quota.max());
            }
            if (quota.min() != null && quota.min() > 0) {
                IntVar shortfall = model.newIntVar(0, quota.min(), "short_" + quota.group());
                model.addGreaterOrEqual(LinearExpr.newBuilder().add(members.sum()).add(shortfall).build(), quota.min());
                objective.addTerm(shortfall, -shortfallCost);
                shortfalls.add(shortfall);
            }
        }
        List<IntVar> rateShortfalls = new ArrayList<>();
        for (SelectionRate rate : problem.selectionRates()) {
            addSelectionRate(model, rate, byGroup, objective, shortfallCost, rateShortfalls);
        }
        for (Pair pair : problem.pairs()) {
            for (int s = 0; s < slots; s++) {
                IntVar a = x[classOf[pair.a()]][s];
                IntVar b = x[classOf[pair.b()]][s];
                if (problem.slots().get(s).keepApart() && a != null && b != null) {
                    model.addAtMostOne(new Literal[]{(Literal) a, (Literal) b});
                }
            }
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        solver.getParameters().setNumWorkers(WORKERS);
        solver.getParameters().setRandomSeed(1); // the same inputs give the same proposal
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.UNKNOWN) {
            return stoppedWithoutSolution(problem, timeLimitSeconds, started, totalScaled + 1);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("The allocation model has no solution: " + status);
        }
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        for (int c = 0; c < classes.size(); c++) {
            int next = 0;
            for (int s = 0; s < slots; s++) {
                if (x[c][s] != null) {
                    for (long k = solver.value(x[c][s]); k > 0; k--) {
                        slotOf[classes.get(c).get(next++)] = s;
                    }
                }
            }
        }
        int shortfall = 0;
        for (IntVar v : shortfalls) {
            shortfall += (int) solver.value(v);
        }
        int rateShortfall = 0;
        for (IntVar v : rateShortfalls) {
            rateShortfall += (int) solver.value(v);
        }
        boolean optimal = status == CpSolverStatus.OPTIMAL;
        Proof proof = new Proof(optimal ? Method.SEARCH_OPTIMAL : Method.SEARCH_TIME_LIMIT, timeLimitSeconds,
                solver.objectiveValue() / SCALE, Math.min(solver.bestObjectiveBound(), weightBound(problem)) / SCALE);
        return new Solution(slotOf, problem.total(slotOf), (System.nanoTime() - started) / 1_000_000, optimal, shortfall,
                rateShortfall, proof);
    }

    /** The sum of each candidate's best weight where they may take a place: a bound on the objective (penalties are >= 0). */
    private static long weightBound(Problem problem) {
        long bound = 0;
        for (Candidate candidate : problem.candidates()) {
            long top = 0;
            for (int s = 0; s < problem.slots().size(); s++) {
                if (placeable(problem, candidate, s)) {
                    top = Math.max(top, scaled(candidate.fit()[s]));
                }
            }
            bound += top;
        }
        return bound;
    }

    /**
     * The time limit came before the search found any solution (a very short limit on a large round): the answer is
     * first come first served in the order of best weight, which keeps places, maxima and pairs, with its objective
     * and the sum of every candidate's best weight as the bound (the search's own is not reported without a solution).
     */
    private static Solution stoppedWithoutSolution(Problem problem, double timeLimitSeconds, long started, long shortfallCost) {
        int[] slotOf = firstComeFirstServed(problem, Arrays.stream(byBestFit(problem)).mapToInt(Integer::intValue).toArray()).slotOf();
        Map<String, Integer> placed = new HashMap<>();
        long weights = 0;
        for (int i = 0; i < slotOf.length; i++) {
            if (slotOf[i] >= 0) {
                weights += scaled(problem.candidates().get(i).fit()[slotOf[i]]);
                problem.candidates().get(i).groups().forEach(g -> placed.merge(g, 1, Integer::sum));
            }
        }
        int quotaShortfall = 0;
        for (Quota quota : problem.quotas()) {
            if (quota.min() != null && quota.min() > 0) {
                quotaShortfall += Math.max(0, quota.min() - placed.getOrDefault(quota.group(), 0));
            }
        }
        long rateShortfall = 0;
        for (SelectionRate rate : problem.selectionRates()) {
            rateShortfall += rateShortfall(rate, placed);
        }
        double objective = (weights - shortfallCost * (quotaShortfall + rateShortfall)) / (double) SCALE;
        Proof proof = new Proof(Method.SEARCH_TIME_LIMIT, timeLimitSeconds, objective, weightBound(problem) / (double) SCALE);
        return new Solution(slotOf, problem.total(slotOf), (System.nanoTime() - started) / 1_000_000, false, quotaShortfall,
                (int) rateShortfall, proof);
    }

    /**
     * For every ordered pair of groups with a base: {@code 1000 (held_g + x_g + short_g) B_h >= R (held_h + x_h) B_g},
     * B the bases in hundredths, R the ratio in thousandths, {@code short_g} the group's shortfall in whole places
     * (one per group: what it lacks against the best-served group), each costing {@code shortfallCost}.
     */
    private static void addSelectionRate(CpModel model, SelectionRate rate, Map<String, Units> byGroup,
                                         LinearExprBuilder objective, long shortfallCost, List<IntVar> shortfalls) {
        long ratio = Math.round(rate.ratio() * RATIO_SCALE);
        List<String> groups = rate.base().entrySet().stream()
                .filter(e -> Math.round(e.getValue() * BASE_SCALE) > 0).map(Map.Entry::getKey).sorted().toList();
        if (groups.size() < 2) {
            return;
        }
        Map<String, Long> base = new HashMap<>();
        Map<String, Long> most = new HashMap<>(); // the most places a group can end up with
        for (String g : groups) {
            base.put(g, Math.round(rate.base().get(g) * BASE_SCALE));
            most.put(g, (long) rate.held().getOrDefault(g, 0) + byGroup.getOrDefault(g, new Units()).most);
        }
        // Each group's places as one integer variable, so every pair's constraint has three terms, not one per
        // candidate. Proving optimality is still hard for CP-SAT with few workers: a round of 260 candidates for 60
        // places under the rule was not proven in 30 s with 2 workers, and was in about 7 s with 8 (its full
        // portfolio) on 2 loaded cores; the best solution found was within 0.01% after 5 s.
        Map<String, IntVar> places = new HashMap<>();
        for (String g : groups) {
            Units members = byGroup.getOrDefault(g, new Units());
            IntVar y = model.newIntVar(0, members.most, "rate_places_" + g);
            model.addEquality(members.sum(), y);
            places.put(g, y);
        }
        for (String g : groups) {
            long held = rate.held().getOrDefault(g, 0);
            long bound = 0; // the shortfall it could need at most: against any other group's most places
            for (String h : groups) {
                if (!h.equals(g)) {
                    bound = Math.max(bound, ceilDiv(ratio * most.get(h) * base.get(g), RATIO_SCALE * base.get(h)) - held);
                }
            }
            IntVar shortfall = model.newIntVar(0, Math.max(0, bound), "rate_short_" + g);
            for (String h : groups) {
                if (h.equals(g)) {
                    continue;
                }
                long left = RATIO_SCALE * base.get(h);
                long right = ratio * base.get(g);
                long gcd = gcd(left, right);
                left /= gcd;
                right /= gcd;
                // left (held_g + y_g + short_g) - right (held_h + y_h) >= 0
                LinearExpr expr = LinearExpr.newBuilder().addTerm(places.get(g), left).addTerm(shortfall, left)
                        .addTerm(places.get(h), -right).build();
                model.addGreaterOrEqual(expr, right * rate.held().getOrDefault(h, 0) - left * held);
            }
            objective.addTerm(shortfall, -shortfallCost);
            shortfalls.add(shortfall);
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }

    /**
     * First come first served on the same problem: candidates in the given arrival order, each placed in the free
     * slot it fits best, within the same places, quota maxima and keep-apart pairs (minima are not planned for).
     */
    public static Solution firstComeFirstServed(Problem problem, int[] arrivalOrder) {
        long started = System.nanoTime();
        int slots = problem.slots().size();
        int[] free = problem.slots().stream().mapToInt(Slot::freePlaces).toArray();
        int programmeFree = problem.programmePlaces() < 0 ? Integer.MAX_VALUE : problem.programmePlaces();
        Map<String, Integer> room = new HashMap<>();
        for (Quota quota : problem.quotas()) {
            if (quota.max() != null) {
                room.merge(quota.group(), quota.max(), Math::min);
            }
        }
        Map<Integer, List<Integer>> partners = new HashMap<>();
        for (Pair pair : problem.pairs()) {
            partners.computeIfAbsent(pair.a(), k -> new ArrayList<>()).add(pair.b());
            partners.computeIfAbsent(pair.b(), k -> new ArrayList<>()).add(pair.a());
        }
        int[] slotOf = new int[problem.candidates().size()];
        Arrays.fill(slotOf, -1);
        double total = 0;
        for (int i : arrivalOrder) {
            if (programmeFree <= 0) {
                break;
            }
            Candidate candidate = problem.candidates().get(i);
            if (candidate.groups().stream().anyMatch(g -> room.getOrDefault(g, Integer.MAX_VALUE) <= 0)) {
                continue;
            }
            int best = -1;
            for (int s = 0; s < slots; s++) {
                if (free[s] <= 0 || !allowed(candidate, s)) {
                    continue;
                }
                int slot = s;
                if (problem.slots().get(s).keepApart()
                        && partners.getOrDefault(i, List.of()).stream().anyMatch(p -> slotOf[p] == slot)) {
                    continue;
                }
                if (best < 0 || candidate.fit()[s] > candidate.fit()[best]) {
                    best = s;
                }
            }
            if (best >= 0) {
                slotOf[i] = best;
                free[best]--;
                programmeFree--;
                total += candidate.fit()[best];
                for (String g : candidate.groups()) {
                    room.computeIfPresent(g, (k, v) -> v - 1);
                }
            }
        }
        return new Solution(slotOf, total, (System.nanoTime() - started) / 1_000_000, false, 0);
    }

    /** Indexes sorted by descending fit in their best slot: the order in which a reviewer reads a proposal. */
    static Integer[] byBestFit(Problem problem) {
        Integer[] order = new Integer[problem.candidates().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -bestFit(problem.candidates().get(i))).thenComparing(i -> i));
        return order;
    }

    static double bestFit(Candidate candidate) {
        double best = -1;
        for (int s = 0; s < candidate.fit().length; s++) {
            if (allowed(candidate, s)) {
                best = Math.max(best, candidate.fit()[s]);
            }
        }
        return best;
    }
}
