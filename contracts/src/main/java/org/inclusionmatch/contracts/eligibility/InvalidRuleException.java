package org.inclusionmatch.contracts.eligibility;

/** A rule that does not compile; the message is the compiler's, fit to show to whoever wrote the rule. */
public class InvalidRuleException extends RuntimeException {
    public InvalidRuleException(String message) {
        super(message);
    }
}
