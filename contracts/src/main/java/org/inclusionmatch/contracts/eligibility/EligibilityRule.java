package org.inclusionmatch.contracts.eligibility;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.time.Duration;
import java.util.Map;

/** A compiled eligibility rule. Immutable and safe to share between threads. */
public final class EligibilityRule {

    private final String expression;
    private final CelRuntime.Program program;
    private final long[] loopStepIds;

    EligibilityRule(String expression, CelRuntime.Program program, long[] loopStepIds) {
        this.expression = expression;
        this.program = program;
        this.loopStepIds = loopStepIds;
    }

    public String expression() {
        return expression;
    }

    /**
     * Whether the rule admits a person given as a map of the fields in {@link EligibilityLanguage#PERSON_FIELDS}
     * (ints as {@code Long}, lists as {@code List<String>}), under the iteration and size limits but no deadline.
     */
    public boolean admits(Map<String, Object> person) {
        return evaluate(person, null).admits();
    }

    /**
     * Evaluates the rule for a person on the calling thread, under the run-time limits of
     * {@link EligibilityLanguage} and, unless {@code timeout} is null, a deadline that far from now. A rule that
     * fails at run time (a missing field, say) or runs over a limit admits nobody rather than everybody.
     */
    public RuleVerdict evaluate(Map<String, Object> person, Duration timeout) {
        RuleBudget budget = new RuleBudget(loopStepIds, timeout == null ? -1 : Math.max(0, timeout.toNanos()));
        Object value;
        try {
            value = EligibilityLanguage.evaluate(program, person, budget);
        } catch (CelEvaluationException | RuntimeException e) {
            value = e;
        }
        if (budget.exceeded() != null) {
            return budget.exceeded();
        }
        if (value instanceof Exception) {
            return RuleVerdict.FAILED;
        }
        return Boolean.TRUE.equals(value) ? RuleVerdict.ADMITTED : RuleVerdict.NOT_ADMITTED;
    }

    @Override
    public String toString() {
        return expression;
    }
}
