package org.inclusionmatch.contracts.eligibility;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

import java.util.Collection;
import java.util.Map;

/**
 * The run-time limits of one evaluation, enforced from inside it: the planner calls this listener after every
 * node it evaluates, on the evaluating thread, so the rule is stopped where it runs and no thread is needed to
 * watch it (none can leak). Once a limit is hit every further callback throws too, because CEL absorbs an error
 * under {@code ||}, {@code &&} and the comprehension macros and would otherwise carry on; and the verdict comes
 * from here, not from the value, so {@code hostile || true} still admits nobody.
 */
final class RuleBudget implements CelEvaluationListener {

    /** How many callbacks between two looks at the clock: nanoTime is cheap but not free. */
    private static final int CLOCK_EVERY = 16;

    private final long[] loopStepIds;
    private final long deadline;
    private final boolean hasDeadline;
    private int iterations;
    private int callbacks;
    private RuleVerdict exceeded;

    /** @param timeoutNanos the deadline from now, or a negative number for none */
    RuleBudget(long[] loopStepIds, long timeoutNanos) {
        this.loopStepIds = loopStepIds;
        this.hasDeadline = timeoutNanos >= 0;
        this.deadline = System.nanoTime() + Math.max(0, timeoutNanos);
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
        if (hasDeadline && callbacks++ % CLOCK_EVERY == 0 && System.nanoTime() - deadline >= 0) {
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
