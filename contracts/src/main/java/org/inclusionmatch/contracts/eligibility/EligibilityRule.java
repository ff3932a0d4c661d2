package org.inclusionmatch.contracts.eligibility;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.Map;

/** A compiled eligibility rule. Immutable and safe to share between threads. */
public final class EligibilityRule {

    private final String expression;
    private final CelRuntime.Program program;

    EligibilityRule(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    public String expression() {
        return expression;
    }

    /**
     * Evaluates the rule for a person given as a map of the fields in
     * {@link EligibilityLanguage#PERSON_FIELDS} (ints as {@code Long}, lists as {@code List<String>}).
     * A rule that fails at run time (a missing field, say) admits nobody rather than everybody.
     */
    public boolean admits(Map<String, Object> person) {
        try {
            return Boolean.TRUE.equals(EligibilityLanguage.evaluate(program, person));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}
