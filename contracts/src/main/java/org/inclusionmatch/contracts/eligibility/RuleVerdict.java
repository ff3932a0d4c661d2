package org.inclusionmatch.contracts.eligibility;

/**
 * What evaluating a rule for one person gave. Only {@link #ADMITTED} lets the person in: a rule that fails or
 * runs over one of the run-time limits admits nobody, whatever value it would have produced.
 */
public enum RuleVerdict {
    ADMITTED,
    NOT_ADMITTED,
    /** The rule failed at run time (a missing field, say). */
    FAILED,
    /** More comprehension iterations than {@link EligibilityLanguage#MAX_ITERATIONS}. */
    ITERATION_LIMIT,
    /** A list, map or string larger than {@link EligibilityLanguage#MAX_VALUE_SIZE}. */
    SIZE_LIMIT,
    /** Still running at the caller's deadline. */
    DEADLINE;

    public boolean admits() {
        return this == ADMITTED;
    }

    /** Cut off by a run-time limit: something to report, unlike an ordinary "no". */
    public boolean overLimit() {
        return this == ITERATION_LIMIT || this == SIZE_LIMIT || this == DEADLINE;
    }
}
