package org.inclusionmatch.engine;

import org.inclusionmatch.contracts.eligibility.EligibilityLanguage;
import org.inclusionmatch.contracts.eligibility.EligibilityRule;
import org.inclusionmatch.contracts.eligibility.RuleVerdict;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An eligibility rule compiled once per catalogue: absent (admits everyone), compiled, or broken. A broken
 * rule admits nobody: offering a measure whose conditions cannot be checked would be worse than not
 * offering it, and one bad rule must not stop matching for the rest of the catalogue.
 *
 * <p>A compiled rule runs on the caller's thread under the rule language's run-time limits and the engine's
 * per-person deadline; a rule cut off by one admits that person not. A rule cut off again and again is
 * quarantined: it admits nobody without being run for as long as this catalogue lives, so a hostile rule costs
 * a few deadlines per catalogue, not one per person.
 */
final class CompiledRule {

    static final CompiledRule OPEN = new CompiledRule(null, null, null, null, null);

    private final EligibilityRule rule;
    private final String error;
    private final RuleCutOff.Owner owner;
    private final UUID ownerId;
    private final String ownerCode;
    private final AtomicInteger cutOffs = new AtomicInteger();
    private final boolean readsAge;
    private volatile Object parts; // RuleExplainer's conjuncts, compiled on the first explanation; NO_PARTS if unsplittable
    private static final Object NO_PARTS = new Object();

    private CompiledRule(EligibilityRule rule, String error, RuleCutOff.Owner owner, UUID ownerId, String ownerCode) {
        this.rule = rule;
        this.error = error;
        this.owner = owner;
        this.ownerId = ownerId;
        this.ownerCode = ownerCode;
        this.readsAge = rule != null && AGE.matcher(rule.expression()).find();
    }

    /** {@code age} as a name in the rule (the compiler allows it only as {@code person.age}). */
    private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("\\bage\\b");

    static CompiledRule compile(String expression, RuleCutOff.Owner owner, UUID ownerId, String ownerCode) {
        if (expression == null || expression.isBlank()) {
            return OPEN;
        }
        try {
            return new CompiledRule(EligibilityLanguage.compile(expression), null, owner, ownerId, ownerCode);
        } catch (RuntimeException e) { // InvalidRuleException (a compile-time limit too), or anything the compiler throws
            return broken(e.getMessage());
        }
    }

    static CompiledRule broken(String error) {
        return new CompiledRule(null, error == null ? "unknown error" : error, null, null, null);
    }

    private boolean admits(Map<String, Object> person, MatchingSettings settings, RuleCutOff.Listener listener) {
        if (error != null) {
            return false;
        }
        if (rule == null) {
            return true;
        }
        if (isQuarantined(settings)) {
            return false;
        }
        RuleVerdict verdict = rule.evaluate(person, settings.ruleDeadline());
        if (verdict.overLimit()) {
            int strike = cutOffs.incrementAndGet();
            listener.ruleCutOff(new RuleCutOff(owner, ownerId, ownerCode, verdict, strike,
                    strike >= settings.quarantineAfter(), rule.expression()));
        }
        return verdict.admits();
    }

    /**
     * Whether the rule admits the applicant. A rule that reads {@code person.age} must hold for both ages the
     * birth year allows on the day (see {@link Applicant}), so it never admits a person too young or too old.
     */
    boolean admits(Applicant applicant, MatchingSettings settings, RuleCutOff.Listener listener) {
        if (!admits(applicant.youngest, settings, listener)) {
            return false;
        }
        return !readsAge || applicant.oldest == applicant.youngest || admits(applicant.oldest, settings, listener);
    }

    boolean isQuarantined(MatchingSettings settings) {
        return cutOffs.get() >= settings.quarantineAfter();
    }

    /** A real condition (not absent, not literally {@code true}): passing it says the offer is aimed at this person. */
    boolean isTargeted() {
        return rule != null && !rule.expression().strip().equals("true");
    }

    /** The rule's conjuncts compiled one by one for explanations (once per catalogue), or null when they cannot be. */
    @SuppressWarnings("unchecked")
    java.util.List<RuleExplainer.Part> parts() {
        Object cached = parts;
        if (cached == null) {
            java.util.List<RuleExplainer.Part> compiled = rule == null ? null : RuleExplainer.compileParts(rule.expression());
            cached = compiled == null ? NO_PARTS : compiled;
            parts = cached;
        }
        return cached == NO_PARTS ? null : (java.util.List<RuleExplainer.Part>) cached;
    }

    /** The rule's text, or null when absent or broken. */
    String expression() {
        return rule == null ? null : rule.expression();
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
