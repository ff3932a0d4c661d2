package org.inclusionmatch.contracts.eligibility;

/** A rule that compiles but is refused because it could cost too much to evaluate; the message names the limit. */
public class RuleLimitException extends InvalidRuleException {

    private final String limit;

    public RuleLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The name of the limit, e.g. {@code comprehension nesting}. */
    public String limit() {
        return limit;
    }
}
