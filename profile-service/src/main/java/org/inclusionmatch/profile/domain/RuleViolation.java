package org.inclusionmatch.profile.domain;

/** A well-formed request that a business rule refuses; {@code rule} names the rule (a stable slug), {@code title} says it. */
public final class RuleViolation extends DomainException {

    private final String rule;
    private final String title;

    public RuleViolation(String rule, String title, String detail) {
        super(detail);
        this.rule = rule;
        this.title = title;
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }
}
