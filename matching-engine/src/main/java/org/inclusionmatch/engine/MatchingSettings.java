package org.inclusionmatch.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the engine: {@code topK} is how many recommendations a person gets at most; {@code ruleDeadline} how
 * long one eligibility rule may run for one person before it is cut off (and admits them not); a rule cut off
 * {@code quarantineAfter} times is not evaluated again for the rest of that catalogue; {@code whyNot} is how many relevant
 * measures that failed a hard constraint are explained next to the recommendations.
 */
public record MatchingSettings(int topK, Duration ruleDeadline, int quarantineAfter, int whyNot) {

    public static final Duration DEFAULT_RULE_DEADLINE = Duration.ofMillis(100);
    public static final int DEFAULT_QUARANTINE_AFTER = 3;
    public static final int DEFAULT_WHY_NOT = 3;
    public static final MatchingSettings DEFAULT = new MatchingSettings(5);

    public MatchingSettings {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
        Objects.requireNonNull(ruleDeadline, "ruleDeadline");
        if (ruleDeadline.isNegative() || ruleDeadline.isZero()) {
            throw new IllegalArgumentException("ruleDeadline must be positive, was " + ruleDeadline);
        }
        if (quarantineAfter < 1) {
            throw new IllegalArgumentException("quarantineAfter must be at least 1, was " + quarantineAfter);
        }
        if (whyNot < 0) {
            throw new IllegalArgumentException("whyNot must not be negative, was " + whyNot);
        }
    }

    public MatchingSettings(int topK, Duration ruleDeadline, int quarantineAfter) {
        this(topK, ruleDeadline, quarantineAfter, DEFAULT_WHY_NOT);
    }

    public MatchingSettings(int topK) {
        this(topK, DEFAULT_RULE_DEADLINE, DEFAULT_QUARANTINE_AFTER);
    }
}
