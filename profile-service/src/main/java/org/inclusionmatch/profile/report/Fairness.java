package org.inclusionmatch.profile.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rates of a stage (recommended, referred, ..., or assigned in a round) per group of a protected dimension, against
 * the overall rate and the best-served group, with the four-fifths rule: a group whose rate is under 0.8 times
 * the best-served group's is flagged. Every figure goes through {@link CellKeyMethod#publishShare}, keyed on the
 * persons it counts, so the same persons always get the same noise, a difference of cells (total minus groups,
 * neighbouring periods) carries the noise of every cell in it, and a cell under {@link CellKeyMethod#MINIMUM_CELL}
 * shows nothing. Ratios and flags are computed from the published rates only, and a suppressed cell has neither
 * (a flag would say something about the cell it stands for). Each dimension lists every group of its fixed code list
 * ({@link #groupsOf}) in a fixed order, whether anyone is counted in it or not, so which groups appear says nothing
 * about who is counted. Plain Java: tested without a database.
 */
public final class Fairness {

    /** The four-fifths rule (US EEOC Uniform Guidelines, 29 CFR 1607.4(D)): a ratio under this is flagged. */
    public static final double FOUR_FIFTHS = 0.8;

    /** A person's group when they belong to no target group. */
    public static final String NO_TARGET_GROUP = "NONE";

    @Schema(name = "FairnessDimension")
    public enum Dimension { TARGET_GROUP, GENDER, AGE_BAND, REGION }

    /**
     * The groups of a dimension, in the order they are listed: the fixed target groups, OTHER (any other code) and
     * NONE; the genders; the age bands; the regions.
     */
    public static List<String> groupsOf(Dimension dimension) {
        return switch (dimension) {
            case TARGET_GROUP -> Stream.concat(ProtectedGroups.TARGET_GROUPS.stream(), Stream.of(NO_TARGET_GROUP)).toList();
            case GENDER -> ProtectedGroups.GENDERS;
            case AGE_BAND -> Stream.of(AgeBand.values()).map(Enum::name).toList();
            case REGION -> ProtectedGroups.REGIONS;
        };
    }

    /**
     * The age a person reaches in the reference year ({@code year - birthYear}, exact from the birth year alone: the
     * Eurostat "age reached during the year"), in bands that follow the youth guarantee (under 25, under 30) and
     * the OVER_50 target group. A group's code in the report (the code list ageBands), not a schema of its own.
     */
    public enum AgeBand {
        UNDER_25, FROM_25_TO_29, FROM_30_TO_49, FROM_50;

        public static AgeBand of(int birthYear, int year) {
            int age = year - birthYear;
            return age < 25 ? UNDER_25 : age < 30 ? FROM_25_TO_29 : age < 50 ? FROM_30_TO_49 : FROM_50;
        }
    }

    /** A person as the rates see them: the secret record key and the protected attributes, nothing else. */
    public record Member(long recordKey, String gender, String region, int birthYear, List<String> targetGroups) {

        /**
         * A member from the first five columns of a row: person.record_key, gender, region, birth_year and
         * target_groups cast to text ({A,B}: codes have no commas, quotes or braces).
         */
        public static Member of(Object[] row) {
            String groups = (String) row[4];
            return new Member(((Number) row[0]).longValue(), (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                    groups == null || groups.length() <= 2 ? List.of() : List.of(groups.substring(1, groups.length() - 1).split(",")));
        }

        List<String> groups(Dimension dimension, int year) {
            return switch (dimension) {
                case GENDER -> List.of(gender);
                case REGION -> List.of(region);
                case AGE_BAND -> List.of(AgeBand.of(birthYear, year).name());
                case TARGET_GROUP -> targetGroups == null || targetGroups.isEmpty() ? List.of(NO_TARGET_GROUP)
                        : ProtectedGroups.targetGroups(targetGroups);
            };
        }
    }

    /** A person of the base (the rate's denominator) and whether they reached the stage (its numerator). */
    public record Unit(Member member, boolean reached) {
    }

    /**
     * One group's figures, or the overall figures ({@code group} null). {@code base} is the denominator, {@code count}
     * the numerator, both perturbed; {@code suppressed} when either is withheld, and then rate, ratio and flag are null.
     */
    @Schema(name = "FairnessGroup")
    public record Group(@Schema(description = "the group's code: a target group of the fixed list (OTHER for any other "
                                + "code, NONE for no target group), a gender, an age band or a region; null for the overall "
                                + "figures. Every group of the dimension is listed, in the same order, whether anyone is "
                                + "counted in it or not; an empty group is suppressed like a small one") String group,
                        @Schema(description = "persons in the rate's denominator, perturbed; null when suppressed") Integer base,
                        @Schema(description = "of them, persons who reached the stage, perturbed; null when suppressed") Integer count,
                        @Schema(description = "count / base of the published figures, 3 decimals; null when suppressed") Double rate,
                        @Schema(description = "rate / the best-served group's rate, 3 decimals; null when suppressed or "
                                + "when the best rate is 0") Double ratioToBest,
                        @Schema(description = "ratioToBest under 0.8 (the four-fifths rule); null when suppressed") Boolean belowFourFifths,
                        boolean suppressed) {
    }

    @Schema(name = "FairnessDimensionRates")
    public record DimensionRates(Dimension dimension,
                                 @Schema(description = "the best published rate among the dimension's groups") Double bestRate,
                                 @Schema(description = "the lowest ratio to the best-served group among the groups shown") Double minimumRatio,
                                 @Schema(description = "groups shown with a ratio under 0.8") int belowFourFifths,
                                 @Schema(description = "every group of the dimension's fixed code list, in a fixed order, "
                                         + "present or not") List<Group> groups) {
    }

    @Schema(name = "FairnessRates")
    public record Rates(Group overall, List<DimensionRates> dimensions) {
    }

    private Fairness() {
    }

    /** The rates of one stage over these persons, age bands as reached in {@code year}. */
    public static Rates rates(List<Unit> units, int year) {
        Counts overall = new Counts();
        units.forEach(overall::add);
        List<DimensionRates> dimensions = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            Map<String, Counts> byGroup = new LinkedHashMap<>();
            groupsOf(dimension).forEach(group -> byGroup.put(group, new Counts()));
            for (Unit unit : units) {
                for (String group : unit.member().groups(dimension, year)) {
                    Counts counts = byGroup.get(group);
                    if (counts != null) { // a stored value outside the fixed list is in the overall figures only
                        counts.add(unit);
                    }
                }
            }
            dimensions.add(compare(dimension, byGroup));
        }
        Group total = overall.publish(null);
        return new Rates(total, dimensions);
    }

    private static DimensionRates compare(Dimension dimension, Map<String, Counts> byGroup) {
        List<Group> published = byGroup.entrySet().stream().map(e -> e.getValue().publish(e.getKey())).toList();
        Double best = published.stream().map(Group::rate).filter(r -> r != null).max(Double::compare).orElse(null);
        List<Group> groups = new ArrayList<>();
        Double minimum = null;
        int flagged = 0;
        for (Group g : published) {
            if (g.suppressed() || best == null || best == 0) {
                groups.add(g);
                continue;
            }
            double ratio = g.rate() / best;
            boolean below = ratio < FOUR_FIFTHS;
            double shown = Math.round(ratio * 1000) / 1000.0;
            groups.add(new Group(g.group(), g.base(), g.count(), g.rate(), shown, below, false));
            minimum = minimum == null ? shown : Math.min(minimum, shown);
            flagged += below ? 1 : 0;
        }
        return new DimensionRates(dimension, best, minimum, flagged, groups);
    }

    /** Exact counts of one cell and the sums of their persons' keys; never leave this class. */
    private static final class Counts {
        private int base;
        private int reached;
        private long baseKeys;
        private long reachedKeys;

        void add(Unit unit) {
            base++;
            baseKeys += unit.member().recordKey();
            if (unit.reached()) {
                reached++;
                reachedKeys += unit.member().recordKey();
            }
        }

        Group publish(String group) {
            CellKeyMethod.Share share = CellKeyMethod.publishShare(base, baseKeys, reached, reachedKeys);
            return new Group(group, share.count(), share.rate() == null ? null : share.part(), share.rate(), null, null,
                    share.suppressed());
        }
    }
}
