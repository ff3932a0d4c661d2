package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

import java.util.Map;

/**
 * The score term from past outcomes of similar people. Among the published cells of the measure (or, when the
 * measure has none, its programme) for the person's archetype and each of their target groups, it takes the one with
 * the most people, if that is at least {@link #MIN_PEOPLE}, and smooths its rate toward the overall rate with a beta
 * prior worth {@link #PRIOR_PEOPLE} people (empirical Bayes: {@code (included + k * overall) / (participants + k)}). The
 * term is {@link #WEIGHT} times the smoothed rate's distance from the overall rate, clipped to
 * {@code +-WEIGHT/2}: so two measures' scores differ by evidence at most {@link #WEIGHT}. It is computed only for
 * measures that passed every hard constraint: it reorders what is available, never admits.
 */
final class EvidenceScore {

    static final double WEIGHT = 0.10;
    static final int MIN_PEOPLE = Evidence.MIN_PEOPLE;
    static final int PRIOR_PEOPLE = Evidence.PRIOR_PEOPLE;

    /** The term and the cell it came from, or null when there is not enough evidence. */
    record Term(double value, Evidence.Cell cell, double smoothedRate) {
    }

    private EvidenceScore() {
    }

    static Term of(CompiledMeasure m, Applicant applicant, Evidence evidence) {
        Evidence.Cell best = evidence.usableCell(m.measure().id(),
                m.programme() == null ? null : m.programme().programme().id(),
                applicant.profile.archetype(), applicant.profile.targetGroups()).orElse(null);
        if (best == null) {
            return null;
        }
        double prior = evidence.overallRate();
        double smoothed = evidence.smoothedRate(best);
        double value = Math.max(-WEIGHT / 2, Math.min(WEIGHT / 2, WEIGHT * (smoothed - prior)));
        return new Term(value, best, smoothed);
    }

    /** The reason shown: the published size, the smoothed rate in whole percent, and the overall rate. */
    static Reason reason(Term term, double overallRate) {
        Evidence.Cell c = term.cell();
        long rate = Math.round(term.smoothedRate() * 100);
        long overall = Math.round(overallRate * 100);
        return new Reason(Reason.EVIDENCE, Map.of("scope", c.scope().name(), "group", c.group().name(),
                "value", c.value(), "people", Integer.toString(c.participants()), "ratePercent", Long.toString(rate),
                "overallPercent", Long.toString(overall)),
                "Of " + c.participants() + " people of " + c.group().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " " + c.value() + " in this " + c.scope().name().toLowerCase(java.util.Locale.ROOT)
                        + ", about " + rate + "% were included in work or education (smoothed toward the overall "
                        + overall + "%).");
    }
}
