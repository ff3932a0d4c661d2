package org.inclusionmatch.profile.report;

import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rates, ratios and four-fifths flags by hand. Every record key is 0 here, so every cell key is 0 and the noise
 * of a cell depends on its count alone: CellKeyMethod.noise(n, 0) is 0 for n = 9, 31, 38, 47, 49, 72 and 99,
 * the counts shown in this data set (3 is under 5 and shown as nothing), so the published figures are the exact ones and can be worked out on paper.
 */
class FairnessTest {

    /** The fixed target groups (vocabulary.TargetGroup), written out so that a new one is a deliberate change here. */
    private static final int FIXED_TARGET_GROUPS = 19;

    private static Fairness.Unit unit(String gender, List<String> targetGroups, boolean reached) {
        return new Fairness.Unit(new Fairness.Member(0, gender, "RIGA", 1990, targetGroups), reached);
    }

    private static List<Fairness.Unit> units(String gender, List<String> targetGroups, int base, int reached) {
        List<Fairness.Unit> units = new ArrayList<>();
        for (int i = 0; i < base; i++) {
            units.add(unit(gender, targetGroups, i < reached));
        }
        return units;
    }

    /** 47 women of whom 38 reached the stage, 49 men of whom 31, and 3 persons of gender OTHER (ROMA), all 3. */
    static List<Fairness.Unit> dataSet() {
        List<Fairness.Unit> all = new ArrayList<>(units("FEMALE", List.of(), 47, 38));
        all.addAll(units("MALE", List.of(), 49, 31));
        all.addAll(units("OTHER", List.of("ROMA"), 3, 3));
        return all;
    }

    private static Fairness.DimensionRates dimension(Fairness.Rates rates, Fairness.Dimension dimension) {
        return rates.dimensions().stream().filter(d -> d.dimension() == dimension).findFirst().orElseThrow();
    }

    private static Fairness.Group group(Fairness.DimensionRates dimension, String group) {
        return dimension.groups().stream().filter(g -> group.equals(g.group())).findFirst().orElseThrow();
    }

    @Test
    void theNoiseOfThisDataSetIsZero() {
        for (int n : new int[] {9, 31, 38, 47, 49, 72, 99}) {
            assertThat(CellKeyMethod.noise(n, 0)).as("noise of %d", n).isZero();
        }
    }

    @Test
    void ratesRatiosAndTheFourFifthsFlagByHand() {
        Fairness.Rates rates = Fairness.rates(dataSet(), 2026);

        // overall: 38 + 31 + 3 = 72 of 47 + 49 + 3 = 99; 72 / 99 = 0.72727 -> 0.727
        assertThat(rates.overall()).isEqualTo(new Fairness.Group(null, 99, 72, 0.727, null, null, false));

        Fairness.DimensionRates gender = dimension(rates, Fairness.Dimension.GENDER);
        // FEMALE 38 / 47 = 0.80851 -> 0.809, the best-served group: ratio 1
        assertThat(group(gender, "FEMALE")).isEqualTo(new Fairness.Group("FEMALE", 47, 38, 0.809, 1.0, false, false));
        // MALE 31 / 49 = 0.63265 -> 0.633; 0.633 / 0.809 = 0.78245 -> 0.782 < 0.8: flagged
        assertThat(group(gender, "MALE")).isEqualTo(new Fairness.Group("MALE", 49, 31, 0.633, 0.782, true, false));
        // OTHER: 3 persons, under 5: nothing shown, and no ratio or flag either (a flag would tell about the 3)
        assertThat(group(gender, "OTHER")).isEqualTo(new Fairness.Group("OTHER", null, null, null, null, null, true));
        assertThat(gender.bestRate()).isEqualTo(0.809);
        assertThat(gender.minimumRatio()).isEqualTo(0.782);
        assertThat(gender.belowFourFifths()).isEqualTo(1);

        // one age band and one region: every person, the overall figures, ratio 1; the empty ones listed, suppressed
        Fairness.DimensionRates age = dimension(rates, Fairness.Dimension.AGE_BAND);
        assertThat(age.groups()).containsExactly(empty("UNDER_25"), empty("FROM_25_TO_29"),
                new Fairness.Group("FROM_30_TO_49", 99, 72, 0.727, 1.0, false, false), empty("FROM_50"));
        assertThat(dimension(rates, Fairness.Dimension.REGION).groups()).containsExactly(
                new Fairness.Group("RIGA", 99, 72, 0.727, 1.0, false, false), empty("PIERIGA"), empty("VIDZEME"),
                empty("KURZEME"), empty("ZEMGALE"), empty("LATGALE"));

        // ROMA (the 3) suppressed; NONE (96, 69 reached) shown with its own noise, the only and so the best group
        Fairness.DimensionRates targetGroups = dimension(rates, Fairness.Dimension.TARGET_GROUP);
        assertThat(group(targetGroups, "ROMA").suppressed()).isTrue();
        assertThat(group(targetGroups, "ROMA").belowFourFifths()).isNull();
        Fairness.Group none = group(targetGroups, "NONE");
        assertThat(none.base()).isEqualTo(96 + CellKeyMethod.noise(96, 0));
        assertThat(none.count()).isEqualTo(69 + CellKeyMethod.noise(69, 0));
        assertThat(none.ratioToBest()).isEqualTo(1.0);
    }

    private static Fairness.Group empty(String group) {
        return new Fairness.Group(group, null, null, null, null, null, true);
    }

    private static List<String> groupCodes(Fairness.Rates rates, Fairness.Dimension dimension) {
        return dimension(rates, dimension).groups().stream().map(Fairness.Group::group).toList();
    }

    /**
     * Issue 21: which groups are listed never depends on who is counted. One man of RIGA, FORMER_PRISONER and
     * PROBATION_CLIENT, and 99 persons of other groups get the same lists: every group of the fixed code lists, in
     * their order. A target-group code outside the fixed list is counted in OTHER, never named; the one man's cells
     * show nothing, and neither do the cells of nobody.
     */
    @Test
    void everyDimensionListsEveryGroupOfItsFixedListWhoeverIsCounted() {
        Fairness.Unit one = new Fairness.Unit(new Fairness.Member(12345, "MALE", "RIGA", 1960,
                List.of("FORMER_PRISONER", "PROBATION_CLIENT", "OWN_CODE_OF_A_PARTNER")), true);
        Fairness.Rates lone = Fairness.rates(List.of(one), 2026);
        Fairness.Rates many = Fairness.rates(dataSet(), 2026);
        Fairness.Rates nobody = Fairness.rates(List.of(), 2026);
        for (Fairness.Dimension d : Fairness.Dimension.values()) {
            assertThat(groupCodes(lone, d)).as("%s", d).isEqualTo(Fairness.groupsOf(d))
                    .isEqualTo(groupCodes(many, d)).isEqualTo(groupCodes(nobody, d)).doesNotHaveDuplicates();
            assertThat(dimension(lone, d).groups()).allMatch(g -> g.equals(empty(g.group())));
        }
        assertThat(lone).isEqualTo(nobody); // the lone man's answer is that of no one at all
        assertThat(Fairness.groupsOf(Fairness.Dimension.TARGET_GROUP)).startsWith("AFTER_CHILDCARE_LEAVE")
                .endsWith("LOW_EDUCATION", "OTHER", "NONE").hasSize(FIXED_TARGET_GROUPS + 2)
                .doesNotContain("OWN_CODE_OF_A_PARTNER");
        assertThat(Fairness.groupsOf(Fairness.Dimension.GENDER)).containsExactly("FEMALE", "MALE", "OTHER", "UNDISCLOSED");
        assertThat(Fairness.groupsOf(Fairness.Dimension.AGE_BAND)).containsExactly("UNDER_25", "FROM_25_TO_29", "FROM_30_TO_49", "FROM_50");
        assertThat(Fairness.groupsOf(Fairness.Dimension.REGION)).containsExactly("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE");
    }

    /** Codes outside the fixed list: one bucket, each person once in it, beside their fixed groups. */
    @Test
    void targetGroupCodesOutsideTheFixedListAreCountedInOther() {
        List<Fairness.Unit> units = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            units.add(unit("FEMALE", List.of("OWN_A", "OWN_B", "ROMA"), true));
        }
        Fairness.DimensionRates targetGroups = dimension(Fairness.rates(units, 2026), Fairness.Dimension.TARGET_GROUP);
        assertThat(group(targetGroups, "OTHER").base()).isEqualTo(9 + CellKeyMethod.noise(9, 0));
        assertThat(group(targetGroups, "ROMA").base()).isEqualTo(9 + CellKeyMethod.noise(9, 0));
        assertThat(targetGroups.groups()).extracting(Fairness.Group::group).doesNotContain("OWN_A", "OWN_B");
    }

    /** A group everyone (or no one) of which reached the stage gives that away: the rate is withheld, the base shown. */
    @Test
    void aRateWhoseRestIsASmallGroupIsWithheldWithoutAFlag() {
        List<Fairness.Unit> units = new ArrayList<>(units("FEMALE", List.of(), 47, 38));
        units.addAll(units("MALE", List.of(), 9, 9));
        Fairness.Group male = group(dimension(Fairness.rates(units, 2026), Fairness.Dimension.GENDER), "MALE");
        assertThat(male).isEqualTo(new Fairness.Group("MALE", 9, null, null, null, null, true));
    }

    @Test
    void theAgeBandIsTheAgeReachedInTheYear() {
        assertThat(Fairness.AgeBand.of(2002, 2026)).isEqualTo(Fairness.AgeBand.UNDER_25);      // 24
        assertThat(Fairness.AgeBand.of(2001, 2026)).isEqualTo(Fairness.AgeBand.FROM_25_TO_29); // 25
        assertThat(Fairness.AgeBand.of(1997, 2026)).isEqualTo(Fairness.AgeBand.FROM_25_TO_29); // 29
        assertThat(Fairness.AgeBand.of(1996, 2026)).isEqualTo(Fairness.AgeBand.FROM_30_TO_49); // 30
        assertThat(Fairness.AgeBand.of(1976, 2026)).isEqualTo(Fairness.AgeBand.FROM_50);       // 50
    }

    @Test
    void csvHasARowPerStageDimensionAndGroupWithSuppressedFieldsEmpty() throws Exception {
        Fairness.Rates rates = Fairness.rates(dataSet(), 2026);
        FairnessReport report = new FairnessReport(UUID.randomUUID(), "MOTIV", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), 5, InclusionReport.DISCLOSURE_CONTROL, 0.8,
                List.of(new FairnessReport.StageRates(FairnessReport.Stage.RECOMMENDED, "persons matched", rates)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FairnessReportCsv().writeTo(report, FairnessReport.class, FairnessReport.class, null, null, null, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(FairnessReportCsv.HEADER.strip());
        assertThat(lines).contains(
                "MOTIV,2026-01-01,2026-06-30,RECOMMENDED,OVERALL,,99,72,0.727,,,false",
                "MOTIV,2026-01-01,2026-06-30,RECOMMENDED,GENDER,FEMALE,47,38,0.809,1.0,false,false",
                "MOTIV,2026-01-01,2026-06-30,RECOMMENDED,GENDER,MALE,49,31,0.633,0.782,true,false",
                "MOTIV,2026-01-01,2026-06-30,RECOMMENDED,GENDER,OTHER,,,,,,true",
                "MOTIV,2026-01-01,2026-06-30,RECOMMENDED,TARGET_GROUP,ROMA,,,,,,true");
        // the header, OVERALL, then every group of the fixed lists: 19 target groups, OTHER and NONE, 4 genders,
        // 4 age bands and 6 regions, whoever is counted
        assertThat(lines).hasSize(1 + 1 + (FIXED_TARGET_GROUPS + 2) + 4 + 4 + 6);
        assertThat(lines).contains("MOTIV,2026-01-01,2026-06-30,RECOMMENDED,REGION,LATGALE,,,,,,true");
        assertThat(lines).allMatch(l -> l.split(",", -1).length == 12);
    }
}
