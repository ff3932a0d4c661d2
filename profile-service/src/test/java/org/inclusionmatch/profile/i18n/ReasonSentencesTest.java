package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.profile.measure.MeasureSummary;
import org.inclusionmatch.profile.recommendation.RecommendationsRequest;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.ReasonCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason the worker writes, in every variant its parameters make, rendered in both languages: labels instead
 * of codes, plain words instead of CEL, every figure kept, and no English in a Latvian sentence.
 */
class ReasonSentencesTest {

    /** The reasons as the worker writes them (matching-engine's Reason), one per variant of each code. */
    static final List<Map.Entry<String, Map<String, String>>> SAMPLES = List.of(
            Map.entry("NEED_MATCH", Map.of("need", "FIRST_JOB")),
            Map.entry("GOAL_MATCH", Map.of("goal", "START_BUSINESS")),
            Map.entry("ELIGIBLE_UNDER", Map.of("programme", "RESOC-4346")),
            Map.entry("ARCHETYPE_FIT", Map.of("archetype", "SOFT_SKILLS_GAP")),
            Map.entry("REGION", Map.of("region", "RIGA")),
            Map.entry("REMOTE", Map.of()),
            Map.entry("SEATS_LEFT", Map.of("seats", "1")),
            Map.entry("SEATS_LEFT", Map.of("seats", "21")),
            Map.entry("SEATS_LEFT", Map.of("seats", "3")),
            Map.entry("LANGUAGES", Map.of("languages", "lv,ru")),
            Map.entry("EVIDENCE", Map.of("scope", "PROGRAMME", "group", "TARGET_GROUP", "value", "OVER_50", "people", "40",
                    "ratePercent", "55", "overallPercent", "48")),
            Map.entry("EVIDENCE", Map.of("scope", "MEASURE", "group", "ARCHETYPE", "value", "SAFE_HAVEN", "people", "12",
                    "ratePercent", "61", "overallPercent", "48")),
            Map.entry("NOT_YET_OPEN", Map.of("date", "2027-01-04")),
            Map.entry("CLOSED", Map.of("date", "2026-05-31")),
            Map.entry("MEASURE_FULL", Map.of("capacity", "12")),
            Map.entry("PROGRAMME_FULL", Map.of("programme", "MOTIV-2026", "capacity", "60")),
            Map.entry("HELD_ELSEWHERE", Map.of()),
            Map.entry("NOT_IN_REGION", Map.of("regions", "VIDZEME,LATGALE")),
            Map.entry("AUDIENCE_ROLE", Map.of("roles", "SUPPORT_PERSON,FACILITATOR")),
            Map.entry("NO_SHARED_LANGUAGE", Map.of("languages", "lv")),
            Map.entry("RULE_NOT_MET", Map.of("owner", "PROGRAMME", "code", "YOUTH-1", "condition", "person.age <= 29")),
            Map.entry("RULE_NOT_MET", Map.of("owner", "MEASURE", "code", "M-1",
                    "condition", "person.region == 'VIDZEME' && person.targetGroups.exists(g, g in ['OVER_50','ROMA'])")),
            Map.entry("RULE_NOT_MET", Map.of("owner", "MEASURE", "code", "M-1", "condition", "size(person.needs) > 2")),
            Map.entry("OPENS_ON", Map.of("date", "2027-01-04")),
            Map.entry("WAITLIST", Map.of()),
            Map.entry("WAITLIST", Map.of("waiting", "1")),
            Map.entry("WAITLIST", Map.of("waiting", "5")),
            Map.entry("WAITLIST", Map.of("waiting", "5", "releasedLast90Days", "9", "expectedWaitDays", "60")),
            Map.entry("WAITLIST", Map.of("waiting", "21", "releasedLast90Days", "3", "expectedWaitDays", "660")),
            Map.entry("ALTERNATIVE", Map.of("measure", "LRC-PIE-CAREER", "remote", "false")),
            Map.entry("ALTERNATIVE", Map.of("measure", "LRC-PIE-CAREER", "remote", "true")),
            Map.entry("RULE_WOULD_PASS", Map.of("field", "goals", "values", "START_BUSINESS", "condition",
                    "person.goals.exists(g, g == 'START_BUSINESS')")),
            Map.entry("RULE_WOULD_PASS", Map.of("field", "needs", "values", "HOUSING,FIRST_JOB", "condition",
                    "person.needs.exists(n, n in ['HOUSING', 'FIRST_JOB'])")),
            Map.entry("RULE_IS_FOR", Map.of("field", "targetGroups", "condition",
                    "person.targetGroups.exists(g, g in ['PROBATION_CLIENT','FORMER_PRISONER'])", "protected", "true")),
            Map.entry("RULE_IS_FOR", Map.of("field", "region", "condition", "person.region in ['VIDZEME', 'LATGALE']",
                    "protected", "false")));

    @Test
    void everyReasonInEveryVariantReadsInItsLanguageWithLabelsAndFigures() {
        Set<String> covered = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> sample : SAMPLES) {
            covered.add(sample.getKey());
            for (Language language : Language.values()) {
                String sentence = ReasonSentences.sentence(language, sample.getKey(), sample.getValue()).orElse(null);
                String what = language + " " + sample + " -> " + sentence;
                assertThat(sentence).as(what).isNotBlank();
                assertThat(LanguageChecks.RAW_CODE.matcher(sentence).find()).as("a code in " + what).isFalse();
                assertThat(LanguageChecks.CEL.matcher(sentence).find()).as("CEL in " + what).isFalse();
                for (Map.Entry<String, String> param : sample.getValue().entrySet()) {
                    if (param.getValue().matches("\\d+") && !param.getKey().equals("code")) {
                        assertThat(sentence).as("figure " + param.getKey() + " in " + what).contains(param.getValue());
                    }
                }
                if (language == Language.LV) {
                    assertThat(LanguageChecks.englishWords(sentence)).as("English in " + what).isEmpty();
                }
            }
        }
        assertThat(covered).as("every reason code has a sample")
                .containsAll(Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    }

    @Test
    void theWaitlistCountAndTheRegionLabelAreKeptInLatvian() {
        assertThat(ReasonSentences.sentence(Language.LV, "WAITLIST", Map.of("waiting", "5", "releasedLast90Days", "9",
                "expectedWaitDays", "60"))).contains("Nosūtījums nonāks gaidīšanas sarakstā aiz 5 personām; ar pēdējo 90 "
                + "dienu tempu (9 atbrīvotas vietas) vieta būs aptuveni pēc 60 dienām.");
        assertThat(ReasonSentences.sentence(Language.LV, "NOT_IN_REGION", Map.of("regions", "VIDZEME,RIGA")))
                .contains("Nav pieejams personas reģionā; pieejams: Vidzeme, Rīga.");
        assertThat(ReasonSentences.sentence(Language.EN, "NEED_MATCH", Map.of("need", "FIRST_JOB"))).contains("Covers a need: A first job.");
        assertThat(ReasonSentences.sentence(Language.EN, "RULE_NOT_MET", Map.of("owner", "PROGRAMME", "code", "Y",
                "condition", "person.age <= 29"))).contains("Does not meet the programme's eligibility rule: aged 29 or under.");
        assertThat(ReasonSentences.sentence(Language.LV, "RULE_NOT_MET", Map.of("owner", "PROGRAMME", "code", "Y",
                "condition", "person.age <= 29"))).contains("Neatbilst programmas atbilstības nosacījumam: vecums līdz 29 gadiem.");
    }

    @Test
    void aProgrammeOrMeasureCodeIsGivenAsTheNameTheAnswerShows() {
        UUID measure = UUID.randomUUID();
        MeasureSummary summary = new MeasureSummary("Career guidance in Pierīga", MeasureKind.CONSULTATION, null,
                new MeasureSummary.NamedReference(UUID.randomUUID(), "Latvijas Sarkanais Krusts"),
                new MeasureSummary.NamedReference(UUID.randomUUID(), "Motivation programme"),
                new MeasureSummary.MeasurePlaces(12, 3, 0));
        RecommendationsView view = new RecommendationsView(UUID.randomUUID(), RecommendationsView.Status.COMPUTED, 1L, "e",
                null, null, 1, List.of(new RecommendationsView.Recommendation(1, measure, "LRC-PIE-CAREER", 0.8,
                List.of(new RecommendationsRequest.Reason("ELIGIBLE_UNDER", Map.of("programme", "MOTIV-PIERIGA-2026"), "stored")),
                summary)),
                List.of(new RecommendationsView.WhyNot(UUID.randomUUID(), "HWH-RIGA-BEDS",
                        List.of(new RecommendationsRequest.Reason("MEASURE_FULL", Map.of("capacity", "4"), "stored")),
                        List.of(new RecommendationsRequest.Reason("ALTERNATIVE", Map.of("measure", "LRC-PIE-CAREER", "remote", "false"), "stored")),
                        null)));
        RecommendationsView english = ReasonSentences.in(Language.EN, view);
        assertThat(english.recommendations().get(0).reasons().get(0).text()).contains("\"Motivation programme\"");
        assertThat(english.recommendations().get(0).measure().kindLabel()).isEqualTo("Consultation");
        assertThat(ReasonSentences.in(Language.LV, view).recommendations().get(0).measure().kindLabel()).isEqualTo("Konsultācija");
        assertThat(english.whyNot().get(0).changes().get(0).text())
                .isEqualTo("An alternative for the same need in the person's region: Career guidance in Pierīga.");
        assertThat(english.recommendations().get(0).reasons().get(0).params()).as("params as stored")
                .isEqualTo(Map.of("programme", "MOTIV-PIERIGA-2026"));
        List<String> latvian = new ArrayList<>();
        RecommendationsView lv = ReasonSentences.in(Language.LV, view);
        lv.recommendations().forEach(r -> r.reasons().forEach(reason -> latvian.add(reason.text())));
        lv.whyNot().forEach(w -> w.unmet().forEach(reason -> latvian.add(reason.text())));
        assertThat(latvian).containsExactly("Atbilst programmas „Motivation programme” nosacījumiem; programma paredzēta cilvēkiem šādā situācijā.",
                "Visas 4 vietas ir aizņemtas.");
    }
}
