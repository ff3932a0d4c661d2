package org.inclusionmatch.worker.engine;

/** Tunables of the engine; {@code topK} is how many recommendations a person gets at most. */
public record MatchingSettings(int topK) {

    public static final MatchingSettings DEFAULT = new MatchingSettings(5);

    public MatchingSettings {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
    }
}
