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
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * places by which quota minima fell short; whole places by which groups fell short of the selection-rate rule.
     */
    public record Solution(int[] slotOf, double totalFit, long solveMillis, boolean optimal, int quotaShortfall,
                           int rateShortfall) {

        public Solution(int[] slotOf, double totalFit, long solveMillis, boolean optimal, int quotaShortfall) {
            this(slotOf, totalFit, solveMillis, optimal, quotaShortfall, 0);
        }

        public int assigned() {
            return (int) Arrays.stream(slotOf).filter(s -> s >= 0).count();
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

    /** Solves exactly; {@code timeLimitSeconds} bounds the search (the result then says whether optimality was proven). */
    public static Solution solve(Problem problem, double timeLimitSeconds) {
        loadNative();
        long started = System.nanoTime();
        List<Candidate> candidates = problem.candidates();
        int slots = problem.slots().size();
        CpModel model = new CpModel();
        Literal[][] x = new Literal[candidates.size()][slots];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<List<Literal>> bySlot = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            bySlot.add(new ArrayList<>());
        }
        List<Literal> all = new ArrayList<>();
        Map<String, List<Literal>> byGroup = new HashMap<>();
        long totalScaled = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            List<Literal> mine = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                if (!allowed(candidate, s) || problem.slots().get(s).freePlaces() <= 0) {
                    continue;
                }
                Literal v = model.newBoolVar("x" + i + "_" + s);
                x[i][s] = v;
                long scaled = Math.round(candidate.fit()[s] * SCALE);
                totalScaled += scaled;
                objective.addTerm(v, scaled);
                mine.add(v);
                bySlot.get(s).add(v);
                all.add(v);
                for (String group : candidate.groups()) {
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(v);
                }
            }
            if (mine.size() > 1) {
                model.addAtMostOne(mine);
            }
        }
        for (int s = 0; s < slots; s++) {
            if (bySlot.get(s).size() > problem.slots().get(s).freePlaces()) {
                model.addLessOrEqual(LinearExpr.sum(bySlot.get(s).toArray(Literal[]::new)), problem.slots().get(s).freePlaces());
            }
        }
        if (problem.programmePlaces() >= 0 && all.size() > problem.programmePlaces()) {
            model.addLessOrEqual(LinearExpr.sum(all.toArray(Literal[]::new)), problem.programmePlaces());
        }
        long shortfallCost = totalScaled + 1;
        List<IntVar> shortfalls = new ArrayList<>();
        for (Quota quota : problem.quotas()) {
            List<Literal> members = byGroup.getOrDefault(quota.group(), List.of());
            LinearExpr taken = LinearExpr.sum(members.toArray(Literal[]::new));
            if (quota.max() != null && members.size() > quota.max()) {
                model.addLessOrEqual(taken, quota.max());
            }
            if (quota.min() != null && quota.min() > 0) {
                IntVar shortfall = model.newIntVar(0, quota.min(), "short_" + quota.group());
                model.addGreaterOrEqual(LinearExpr.newBuilder().addSum(members.toArray(Literal[]::new)).add(shortfall).build(), quota.min());
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
                if (problem.slots().get(s).keepApart() && x[pair.a()][s] != null && x[pair.b()][s] != null) {
                    model.addAtMostOne(new Literal[]{x[pair.a()][s], x[pair.b()][s]});
                }
            }
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds);
        solver.getParameters().setNumWorkers(WORKERS);
        solver.getParameters().setRandomSeed(1); // the same inputs give the same proposal
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("The allocation model has no solution: " + status);
        }
        int[] slotOf = new int[candidates.size()];
        double total = 0;
        for (int i = 0; i < candidates.size(); i++) {
            slotOf[i] = -1;
            for (int s = 0; s < slots; s++) {
                if (x[i][s] != null && solver.booleanValue(x[i][s])) {
                    slotOf[i] = s;
                    total += candidates.get(i).fit()[s];
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
        return new Solution(slotOf, total, (System.nanoTime() - started) / 1_000_000, status == CpSolverStatus.OPTIMAL, shortfall,
                rateShortfall);
    }

    /**
     * For every ordered pair of groups with a base: {@code 1000 (held_g + x_g + short_g) B_h >= R (held_h + x_h) B_g},
     * B the bases in hundredths, R the ratio in thousandths, {@code short_g} the group's shortfall in whole places
     * (one per group: what it lacks against the best-served group), each costing {@code shortfallCost}.
     */
    private static void addSelectionRate(CpModel model, SelectionRate rate, Map<String, List<Literal>> byGroup,
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
            most.put(g, (long) rate.held().getOrDefault(g, 0) + byGroup.getOrDefault(g, List.of()).size());
        }
        // Each group's places as one integer variable, so every pair's constraint has three terms, not one per
        // candidate. Proving optimality is still hard for CP-SAT with few workers: a round of 260 candidates for 60
        // places under the rule was not proven in 30 s with 2 workers, and was in about 7 s with 8 (its full
        // portfolio) on 2 loaded cores; the best solution found was within 0.01% after 5 s.
        Map<String, IntVar> places = new HashMap<>();
        for (String g : groups) {
            List<Literal> members = byGroup.getOrDefault(g, List.of());
            IntVar y = model.newIntVar(0, members.size(), "rate_places_" + g);
            model.addEquality(LinearExpr.sum(members.toArray(Literal[]::new)), y);
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
