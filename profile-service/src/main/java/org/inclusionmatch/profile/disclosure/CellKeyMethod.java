package org.inclusionmatch.profile.disclosure;

import java.security.SecureRandom;

/**
 * Statistical disclosure control for counts of persons, by the cell-key method that the Australian Bureau of
 * Statistics and Eurostat use for census tables: every record carries a random key drawn once when it is
 * stored; a cell's key is the sum of its records' keys modulo {@link #KEY_RANGE}, and a fixed table turns the
 * cell key into noise of -2 to +2 that is added to the count. The same set of records always gets the same
 * noise, whichever request produced the cell, so asking again or asking for the cell by a filter gives nothing
 * new; a difference of two cells carries the noise of both, so subtraction yields a noisy figure, never the
 * exact count of a small group. Cells of fewer than {@link #MINIMUM_CELL} persons, before or after the noise,
 * are suppressed altogether. Plain Java: unit tested and measured without a database.
 */
public final class CellKeyMethod {

    /** Record keys are uniform in [0, KEY_RANGE); a cell key is their sum modulo KEY_RANGE. */
    public static final int KEY_RANGE = 1 << 20;

    public static final int MINIMUM_CELL = 5;

    /**
     * The perturbation table: noise -2..+2 with these probabilities (mean 0, variance 1.4), chosen by where the
     * cell key falls. Zero-mean, so totals stay unbiased; at most 2, so published figures stay useful.
     */
    private static final int[] NOISE = {-2, -1, 0, 1, 2};
    private static final double[] UPPER_BOUND = {0.125, 0.325, 0.675, 0.875, 1.0};

    private static final SecureRandom RANDOM = new SecureRandom();

    private CellKeyMethod() {
    }

    /** A fresh record key, drawn once when a record is first stored and never shown. */
    public static int newRecordKey() {
        return RANDOM.nextInt(KEY_RANGE);
    }

    /** The key of a cell from the sum of its records' keys (any non-negative sum). */
    public static int cellKey(long sumOfRecordKeys) {
        return (int) Math.floorMod(sumOfRecordKeys, (long) KEY_RANGE);
    }

    /** The noise for a cell of {@code count} records with this cell key: 0 for an empty cell. */
    public static int noise(int count, int cellKey) {
        if (count == 0) {
            return 0;
        }
        // Mix the count in, so that cells of different sizes with equal keys do not move in lockstep.
        double u = uniform(cellKey, count);
        for (int i = 0; i < UPPER_BOUND.length; i++) {
            if (u < UPPER_BOUND[i]) {
                return NOISE[i];
            }
        }
        return NOISE[NOISE.length - 1];
    }

    /**
     * The published count, or null when the cell counts fewer than {@link #MINIMUM_CELL} persons before or after
     * the noise (so a null says only "fewer than about 7").
     */
    public static Integer publish(int count, long sumOfRecordKeys) {
        if (count < MINIMUM_CELL) {
            return null;
        }
        int perturbed = count + noise(count, cellKey(sumOfRecordKeys));
        return perturbed < MINIMUM_CELL ? null : perturbed;
    }

    /**
     * A share of a cell as it may be published: {@code part} of the {@code count} records (with the sums of their
     * record keys). The count is published as by {@link #publish}; the part and the rate only when neither the part
     * nor the rest is a small cell (each perturbed by its own records' keys), so that neither a rate nor its
     * complement gives away a small group. The rate is the published part over the published count, 3 decimals.
     */
    public static Share publishShare(int count, long countKeys, int part, long partKeys) {
        Integer shownCount = publish(count, countKeys);
        if (shownCount == null) {
            return Share.SUPPRESSED;
        }
        Integer shownPart = publish(part, partKeys);
        Integer shownRest = publish(count - part, countKeys - partKeys);
        if (shownPart == null || shownRest == null || shownPart > shownCount) {
            return new Share(shownCount, null, null);
        }
        return new Share(shownCount, shownPart, Math.round(1000.0 * shownPart / shownCount) / 1000.0);
    }

    /** A published share: the count (null when suppressed), and the part and rate (null when withheld). */
    public record Share(Integer count, Integer part, Double rate) {

        static final Share SUPPRESSED = new Share(null, null, null);

        /** Whether anything is withheld (the count, or the part and rate). */
        public boolean suppressed() {
            return rate == null;
        }
    }

    /** A deterministic uniform number in [0, 1) from the cell key and count (SplitMix64 finaliser). */
    private static double uniform(int cellKey, int count) {
        long z = ((long) cellKey << 32) ^ count;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
