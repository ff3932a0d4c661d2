package org.inclusionmatch.engine;

import org.inclusionmatch.contracts.eligibility.RuleVerdict;

import java.util.UUID;

/**
 * An eligibility rule stopped by a run-time limit while matching one person (who it therefore did not admit).
 * Carries nothing about the person. {@code strike} counts the rule's cut-offs in this catalogue; once
 * {@code quarantined}, the rule is no longer evaluated and admits nobody until the catalogue is rebuilt.
 */
public record RuleCutOff(Owner owner, UUID ownerId, String ownerCode, RuleVerdict limit, int strike,
                         boolean quarantined, String expression) {

    public enum Owner { MEASURE, PROGRAMME }

    /** Where cut-offs go: the worker counts them on a metric and logs them; the engine itself has no framework. */
    @FunctionalInterface
    public interface Listener {
        Listener IGNORE = cutOff -> { };

        void ruleCutOff(RuleCutOff cutOff);
    }
}
