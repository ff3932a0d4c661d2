package org.inclusionmatch.bench;

import org.inclusionmatch.profile.allocation.AllocationSolver;
import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Pair;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Quota;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.AllocationSolver.Solution;
import org.inclusionmatch.profile.allocation.RoundPlanner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Solve time of one allocation round at the size the issue names: 5,000 candidates for 500 places in 10 measures
 * of a programme (each candidate recommended 1-5 of them, as the engine's top 5), region maxima and target-group
 * minima, and 100 keep-apart pairs over two half-way houses and a support group. Prints the exact solve (CP-SAT)
 * beside first come first served, then the same round planned ahead ({@link RoundPlanner}: jointly with [later]
 * bootstrapped later candidates, default 10 weeks of as many new candidates as there are now).
 * Usage: AllocationSolveTime [candidates] [places] [repeats] [later]
 */
public final class AllocationSolveTime {

    static final String[] REGIONS = {"RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE"};
    static final String[] GROUPS = {"OVER_50", "AFTER_CHILDCARE", "VIOLENCE_VICTIM", "CARER", "SINGLE_PARENT", "DISABILITY",
            "ROMA", "LONG_TERM_UNEMPLOYED"};

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int places = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int later = args.length > 3 ? Integer.parseInt(args[3]) : 10 * n;
        AllocationSolver.loadNative();
        for (int r = 0; r < repeats; r++) {
            Problem problem = problem(n, places, new Random(14 + r));
            long started = System.nanoTime();
            long cpuStarted = cpuNanos();
            Solution best = AllocationSolver.solve(problem, 60);
            long wall = (System.nanoTime() - started) / 1_000_000;
            long cpu = (cpuNanos() - cpuStarted) / 1_000_000;
            Solution fcfs = AllocationSolver.firstComeFirstServed(problem, IntStream.range(0, n).toArray());
            System.out.printf("run %d: %,d candidates, %,d places, %d measures, %d quotas, %d keep-apart pairs: "
                            + "solved in %,d ms wall, %,d ms CPU of the process (other load on the machine: see uptime), optimal=%s, assigned %d, total fit %.2f, quota shortfall %d; "
                            + "FCFS assigned %d, total fit %.2f (solver +%.1f%%)%n",
                    r + 1, n, places, problem.slots().size(), problem.quotas().size(), problem.pairs().size(), wall,
                    cpu, best.optimal(), best.assigned(), best.totalFit(), best.quotaShortfall(),
                    fcfs.assigned(), fcfs.totalFit(), 100 * (best.totalFit() / fcfs.totalFit() - 1));
            started = System.nanoTime();
            cpuStarted = cpuNanos();
            RoundPlanner.Plan plan = RoundPlanner.plan(problem, later, 14 + r, 60);
            wall = (System.nanoTime() - started) / 1_000_000;
            cpu = (cpuNanos() - cpuStarted) / 1_000_000;
            System.out.printf("run %d planned ahead with %,d later candidates: solved in %,d ms wall, %,d ms CPU, optimal=%s, "
                            + "assigned %d now, %d places held for later, total fit now %.2f%n",
                    r + 1, plan.later(), wall, cpu, plan.present().optimal(), plan.present().assigned(), plan.heldPlaces(),
                    plan.present().totalFit());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Problem problem(int n, int places, Random random) {
        int measures = 10;
        List<Slot> slots = new ArrayList<>();
        for (int m = 0; m < measures; m++) {
            slots.add(new Slot(places / measures, m < 3)); // two half-way houses and a support group
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> groups = new HashSet<>();
            groups.add("REGION:" + REGIONS[random.nextInt(REGIONS.length)]);
            groups.add("TARGET_GROUP:" + GROUPS[random.nextInt(GROUPS.length)]);
            if (random.nextInt(4) == 0) {
                groups.add("TARGET_GROUP:" + GROUPS[random.nextInt(GROUPS.length)]);
            }
            double[] fit = new double[measures];
            Arrays.fill(fit, Double.NaN);
            int recommended = 1 + random.nextInt(5);
            for (int k = 0; k < recommended; k++) {
                fit[random.nextInt(measures)] = Math.round((0.2 + 0.8 * random.nextDouble()) * 1000) / 1000.0;
            }
            candidates.add(new Candidate(groups, fit));
        }
        List<Quota> quotas = new ArrayList<>();
        for (String region : REGIONS) {
            quotas.add(new Quota("REGION:" + region, null, places * 30 / 100));
        }
        for (String group : GROUPS) {
            quotas.add(new Quota("TARGET_GROUP:" + group, places * 8 / 100, null));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b) {
                pairs.add(new Pair(a, b));
            }
        }
        return new Problem(slots, candidates, quotas, pairs, places);
    }
}
