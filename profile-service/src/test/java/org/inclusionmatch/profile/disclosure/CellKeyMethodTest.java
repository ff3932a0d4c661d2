package org.inclusionmatch.profile.disclosure;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistical guarantee of the cell-key method, tried the way an attacker would: by differencing published
 * cells over many random draws of record keys (the keys are secret and random, so this is what an attacker
 * faces). Seeded, so a failure reproduces.
 */
class CellKeyMethodTest {

    private static final int TRIALS = 20_000;

    /** Record keys for {@code n} records, summed: what the database computes for a cell. */
    private static long keys(Random random, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += random.nextInt(CellKeyMethod.KEY_RANGE);
        }
        return sum;
    }

    @Test
    void smallCellsAreNeverPublishedAndPublishedCountsAreNeverBelowTheThreshold() {
        Random random = new Random(1);
        for (int n = 0; n < 60; n++) {
            for (int t = 0; t < 200; t++) {
                Integer shown = CellKeyMethod.publish(n, keys(random, n));
                if (n < CellKeyMethod.MINIMUM_CELL) {
                    assertThat(shown).isNull();
                } else if (shown != null) {
                    assertThat(shown).isBetween(Math.max(CellKeyMethod.MINIMUM_CELL, n - 2), n + 2);
                }
            }
        }
    }

    @Test
    void theSameRecordsAlwaysGetTheSameNoise() {
        Random random = new Random(2);
        for (int t = 0; t < 1000; t++) {
            int n = 5 + random.nextInt(200);
            long sum = keys(random, n);
            assertThat(CellKeyMethod.publish(n, sum)).isEqualTo(CellKeyMethod.publish(n, sum));
        }
    }

    @Test
    void noiseIsUnbiasedAndSpreadAsTheTableSays() {
        Random random = new Random(3);
        Map<Integer, Integer> histogram = new HashMap<>();
        long total = 0;
        for (int t = 0; t < TRIALS; t++) {
            int n = 20 + random.nextInt(100);
            int noise = CellKeyMethod.noise(n, CellKeyMethod.cellKey(keys(random, n)));
            histogram.merge(noise, 1, Integer::sum);
            total += noise;
        }
        assertThat(histogram.keySet()).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
        assertThat((double) total / TRIALS).isBetween(-0.05, 0.05);
        assertThat(histogram.get(0) / (double) TRIALS).isBetween(0.32, 0.38);
        assertThat(histogram.get(2) / (double) TRIALS).isBetween(0.10, 0.15);
    }

    /**
     * The attack of the report: RIGA (3 people) is suppressed, but total - PIERIGA - VIDZEME gave it exactly.
     * With noise keyed on each cell's records the difference is the small count plus the noise of three cells:
     * the attacker's figure is right in only about a fifth of the draws, and they cannot tell which.
     */
    @Test
    void subtractingTheOtherRegionsFromTheTotalDoesNotGiveTheSuppressedCell() {
        Random random = new Random(4);
        int exact = 0;
        Map<Integer, Integer> errors = new HashMap<>();
        for (int t = 0; t < TRIALS; t++) {
            long riga = keys(random, 3);
            long pieriga = keys(random, 20);
            long vidzeme = keys(random, 30);
            Integer total = CellKeyMethod.publish(53, riga + pieriga + vidzeme);
            Integer shownPieriga = CellKeyMethod.publish(20, pieriga);
            Integer shownVidzeme = CellKeyMethod.publish(30, vidzeme);
            assertThat(CellKeyMethod.publish(3, riga)).isNull();
            int estimate = total - shownPieriga - shownVidzeme;
            errors.merge(estimate - 3, 1, Integer::sum);
            if (estimate == 3) {
                exact++;
            }
        }
        double exactShare = exact / (double) TRIALS;
        assertThat(exactShare).as("share of draws in which subtraction gives the true count").isLessThan(0.25);
        // The attacker's error spreads over at least 7 values with a share of 2% or more each: no single answer.
        assertThat(errors.values().stream().filter(count -> count >= TRIALS * 0.02).count()).isGreaterThanOrEqualTo(7);
    }

    /**
     * Neighbouring periods and padded cells: two cells whose records differ by a small group k (a month more; a
     * few records the attacker added themselves) give k only with the noise of both cells.
     */
    @Test
    void differencingTwoOverlappingCellsGivesNoiseNotTheSmallGroup() {
        Random random = new Random(5);
        for (int k : new int[] {1, 2, 3, 4}) {
            int exact = 0;
            for (int t = 0; t < TRIALS; t++) {
                int n = 10 + random.nextInt(50);
                long shared = keys(random, n);
                long extra = keys(random, k);
                int difference = CellKeyMethod.publish(n + k, shared + extra) - CellKeyMethod.publish(n, shared);
                if (difference == k) {
                    exact++;
                }
            }
            assertThat(exact / (double) TRIALS).as("exact share for a group of %d", k).isLessThan(0.30);
        }
    }

    /** Averaging is the known limit: repeating one request adds nothing, because the noise does not change. */
    @Test
    void askingAgainGivesNothingNew() {
        Random random = new Random(6);
        long sum = keys(random, 17);
        assertThat(IntStream.range(0, 100).mapToObj(i -> CellKeyMethod.publish(17, sum)).distinct()).hasSize(1);
    }
}
