package org.inclusionmatch.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.engine.TestData.DAY;
import static org.inclusionmatch.engine.TestData.catalogue;
import static org.inclusionmatch.engine.TestData.measure;
import static org.inclusionmatch.engine.TestData.person;
import static org.inclusionmatch.engine.TestData.programme;

/**
 * The hard constraints of issue 13, each against a control measure that passes: programme places, audience roles,
 * languages, and the meaning of {@code person.age} for a birth year.
 */
class ConstraintsTest {

    private final MatchingEngine engine = new MatchingEngine();

    private List<String> offered(TestData.PersonSpec person, List<TestData.ProgrammeSpec> programmes,
                                 TestData.MeasureSpec... measures) {
        List<TestData.MeasureSpec> all = new java.util.ArrayList<>(List.of(measures));
        all.add(measure("CONTROL"));
        return engine.recommend(person.build(), catalogue(programmes, all), DAY).stream()
                .map(Recommendation::measureCode).toList();
    }

    private List<String> offered(TestData.PersonSpec person, TestData.MeasureSpec measure) {
        return offered(person, List.of(), measure);
    }

    @Test
    void aFullProgrammeTakesNoNewcomerThoughItsMeasureHasSeats() {
        assertThat(offered(person(), List.of(programme("P").places(60, 60)), measure("M").programme("P")))
                .containsExactly("CONTROL");
        assertThat(offered(person(), List.of(programme("P").places(59, 60)), measure("M").programme("P")))
                .containsExactlyInAnyOrder("M", "CONTROL");
    }

    @Test
    void aPersonHoldingAPlaceInAFullProgrammeMayTakeAnotherOfItsMeasures() {
        assertThat(offered(person().holdingAPlaceIn("P"), List.of(programme("P").places(60, 60)),
                measure("M").programme("P"))).containsExactlyInAnyOrder("M", "CONTROL");
    }

    @Test
    void aProgrammeWithoutCapacityHasNoLimit() {
        assertThat(offered(person(), List.of(programme("P")), measure("M").programme("P")))
                .containsExactlyInAnyOrder("M", "CONTROL");
    }

    @Test
    void aMeasureForOtherRolesIsNotOffered() {
        assertThat(offered(person().role("PARTICIPANT"), measure("M").audienceRoles("FACILITATOR", "SUPPORT_PERSON")))
                .containsExactly("CONTROL");
        assertThat(offered(person().role("FACILITATOR"), measure("M").audienceRoles("FACILITATOR", "SUPPORT_PERSON")))
                .containsExactlyInAnyOrder("M", "CONTROL");
    }

    @Test
    void aMeasureWithoutAudienceRolesIsForEveryRole() {
        for (String role : List.of("PARTICIPANT", "SUPPORT_PERSON", "FACILITATOR")) {
            assertThat(offered(person().role(role), measure("M"))).containsExactlyInAnyOrder("M", "CONTROL");
        }
    }

    @Test
    void aMeasureInALanguageThePersonDoesNotSpeakIsNotOffered() {
        assertThat(offered(person().languages("ru"), measure("M").languages("lv"))).containsExactly("CONTROL");
    }

    @Test
    void oneSharedLanguageIsEnough() {
        assertThat(offered(person().languages("ru", "en"), measure("M").languages("lv", "en")))
                .containsExactlyInAnyOrder("M", "CONTROL");
        assertThat(offered(person().languages("ru"), measure("M"))).containsExactlyInAnyOrder("M", "CONTROL");
    }

    @Test
    void aPersonWithoutRecordedLanguagesIsOfferedTheMeasureWithItsLanguagesNamed() {
        List<Recommendation> result = engine.recommend(person().languages().build(),
                catalogue(measure("M").languages("lv", "ru")), DAY);
        assertThat(result).singleElement().satisfies(r -> assertThat(r.reasons())
                .anySatisfy(reason -> {
                    assertThat(reason.code()).isEqualTo(Reason.LANGUAGES);
                    assertThat(reason.params()).containsEntry("languages", "lv,ru");
                }));
    }

    /** Born 2008: on 23 Nov 2026 they are 17 or 18, so a minimum of 18 is not met until 31 Dec 2026. */
    @ParameterizedTest(name = "born {0}, rule {1}, on {2}: admitted {3}")
    @CsvSource({
            "2008, person.age >= 18, 2026-11-23, false",
            "2008, person.age >= 18, 2026-12-30, false",
            "2008, person.age >= 18, 2026-12-31, true",
            "2008, person.age >= 18, 2027-01-01, true",
            "2007, person.age >= 18, 2026-01-01, true",
            "2008, person.age > 17, 2026-11-23, false",
            "1997, person.age <= 29, 2026-11-23, true",
            "1996, person.age <= 29, 2026-01-01, false",
            "1996, person.age <= 29, 2025-12-31, true",
            "1996, person.age < 30, 2026-06-01, false",
            "2008, person.age == 18, 2026-11-23, false",
            "2008, person.age == 18, 2026-12-31, true",
            "2008, person.birthYear <= 2008, 2026-11-23, true",
    })
    void ageIsConservativeForABirthYear(int birthYear, String rule, LocalDate day, boolean admitted) {
        List<String> codes = engine.recommend(person().birthYear(birthYear).build(),
                catalogue(measure("M").eligibility(rule), measure("CONTROL")), day).stream()
                .map(Recommendation::measureCode).toList();
        assertThat(codes.contains("M")).isEqualTo(admitted);
    }

    @Test
    void theTwoPossibleAgesOfABirthYear() {
        assertThat(Applicant.youngestAge(2008, LocalDate.of(2026, 11, 23))).isEqualTo(17);
        assertThat(Applicant.oldestAge(2008, LocalDate.of(2026, 11, 23))).isEqualTo(18);
        assertThat(Applicant.youngestAge(2008, LocalDate.of(2026, 12, 31))).isEqualTo(18);
        assertThat(Applicant.youngestAge(2008, LocalDate.of(2026, 1, 1))).isEqualTo(17);
    }
}
