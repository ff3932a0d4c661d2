package org.inclusionmatch.profile.domain;

/** A well-formed request that a business rule refuses; {@code rule} names the rule. */
public final class RuleViolation extends DomainException {

    /** The business rules a well-formed request can break; each has its own problem type (common.ProblemType). */
    public enum Rule {
        IDEMPOTENCY_KEY_REUSED, NOT_A_PARTICIPANT, PLACEMENT_RESTRICTED
    }

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
