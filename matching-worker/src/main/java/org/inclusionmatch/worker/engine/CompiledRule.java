package org.inclusionmatch.worker.engine;

import org.inclusionmatch.contracts.eligibility.EligibilityLanguage;
import org.inclusionmatch.contracts.eligibility.EligibilityRule;

import java.util.Map;
import java.util.Optional;

/**
 * An eligibility rule compiled once per catalogue: absent (admits everyone), compiled, or broken. A broken
 * rule admits nobody: offering a measure whose conditions cannot be checked would be worse than not
 * offering it, and one bad rule must not stop matching for the rest of the catalogue.
 */
final class CompiledRule {

    static final CompiledRule OPEN = new CompiledRule(null, null);

    private final EligibilityRule rule;
    private final String error;

    private CompiledRule(EligibilityRule rule, String error) {
        this.rule = rule;
        this.error = error;
    }

    static CompiledRule compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return OPEN;
        }
        try {
            return new CompiledRule(EligibilityLanguage.compile(expression), null);
        } catch (RuntimeException e) { // InvalidRuleException, or anything else the compiler throws
            return broken(e.getMessage());
        }
    }

    static CompiledRule broken(String error) {
        return new CompiledRule(null, error == null ? "unknown error" : error);
    }

    boolean admits(Map<String, Object> person) {
        if (error != null) {
            return false;
        }
        return rule == null || rule.admits(person);
    }

    /** A real condition (not absent, not literally {@code true}): passing it says the offer is aimed at this person. */
    boolean isTargeted() {
        return rule != null && !rule.expression().strip().equals("true");
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
