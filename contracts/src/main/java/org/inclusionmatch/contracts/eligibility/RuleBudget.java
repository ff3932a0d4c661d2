package org.inclusionmatch.contracts.eligibility;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Map;

/**
 * The run-time limits of one evaluation, enforced from inside it: the planner calls this listener after every
 * node it evaluates, on the evaluating thread, so the rule is stopped where it runs and no thread is needed to
 * watch it (none can leak). Once a limit is hit every further callback throws too, because CEL absorbs an error
 * under {@code ||}, {@code &&} and the comprehension macros and would otherwise carry on; and the verdict comes
 * from here, not from the value, so {@code hostile || true} still admits nobody.
 *
 * <p>The deadline is the rule's own time: wall time for the first tenth of it (nearly every rule is done long before,
 * at the cost of a nanoTime), then the evaluating thread's processor time where the JVM measures it (HotSpot on Linux
 * does for platform threads; else wall time throughout). A garbage-collection pause or a busy machine stops the thread
 * without the rule's doing, and a realistic rule cut off for it three times would be quarantined.
 */
final class RuleBudget implements CelEvaluationListener {

    /** How many callbacks between two looks at the clock: nanoTime is cheap but not free. */
    private static final int CLOCK_EVERY = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] loopStepIds;
    private final long started;
    private final long timeout;
    private final boolean hasDeadline;
    /** The thread's processor time when the evaluation first ran past a tenth of the deadline, or -1 before. */
    private long cpuMark = -1;
    private int iterations;
    private int callbacks;
    private RuleVerdict exceeded;

    /** @param timeoutNanos the deadline from now, or a negative number for none */
    RuleBudget(long[] loopStepIds, long timeoutNanos) {
        this.loopStepIds = loopStepIds;
        this.hasDeadline = timeoutNanos >= 0;
        this.timeout = Math.max(0, timeoutNanos);
        this.started = System.nanoTime();
    }

    /**
     * Past the deadline: a tenth of it in wall time (counted whole, pauses included), then processor time from the
     * moment that tenth was passed (a thread standing still does not count).
     */
    private boolean pastDeadline() {
        long wall = System.nanoTime() - started;
        long grace = timeout / 10;
        if (wall < grace) {
            return false;
        }
        if (cpuMark < 0) {
            long cpu = THREADS.getCurrentThreadCpuTime(); // -1 where not measured (virtual threads)
            if (cpu < 0) {
                return wall >= timeout;
            }
            cpuMark = cpu;
            return grace >= timeout;
        }
        return grace + (THREADS.getCurrentThreadCpuTime() - cpuMark) >= timeout;
    }

    @Override
    public void callback(CelExpr expr, Object result) {
        if (exceeded != null) {
            throw OverBudget.INSTANCE;
        }
        if (isLoopStep(expr.id()) && ++iterations > EligibilityLanguage.MAX_ITERATIONS) {
            stop(RuleVerdict.ITERATION_LIMIT);
        }
        if (sizeOf(result) > EligibilityLanguage.MAX_VALUE_SIZE) {
            stop(RuleVerdict.SIZE_LIMIT);
        }
        if (hasDeadline && callbacks++ % CLOCK_EVERY == 0 && pastDeadline()) {
            stop(RuleVerdict.DEADLINE);
        }
    }

    /** The limit the evaluation ran into, or null. */
    RuleVerdict exceeded() {
        return exceeded;
    }

    private void stop(RuleVerdict limit) {
        exceeded = limit;
        throw OverBudget.INSTANCE;
    }

    private boolean isLoopStep(long id) {
        for (long step : loopStepIds) { // a handful at most: MAX_COMPREHENSIONS
            if (step == id) {
                return true;
            }
        }
        return false;
    }

    private static long sizeOf(Object value) {
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof CharSequence s) {
            return s.length();
        }
        return 0;
    }

    /** Thrown into the evaluation to unwind it; shared and without a stack trace, since nobody reads one. */
    private static final class OverBudget extends RuntimeException {
        static final OverBudget INSTANCE = new OverBudget();

        private OverBudget() {
            super("eligibility rule over its run-time budget", null, false, false);
        }
    }
}
