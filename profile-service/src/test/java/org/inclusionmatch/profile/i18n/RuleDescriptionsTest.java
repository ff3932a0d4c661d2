package org.inclusionmatch.profile.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inclusionmatch.contracts.eligibility.EligibilityLanguage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Eligibility rules in plain words: every rule of the demo catalogue, in both languages, without a trace of CEL. */
class RuleDescriptionsTest {

    /** What CEL looks like: operators, the variable, quotes, macros, and a code as a rule writes it (UPPER_SNAKE). */
    static final Pattern CEL_OR_CODE = Pattern.compile(
            "<=|>=|==|!=|&&|\\|\\||!|\\bperson\\.|\\.exists\\(|'[A-Za-z0-9_-]+'|\\[|]|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b(?:PARTICIPANT|FACILITATOR|RIGA|VIDZEME|PIERIGA|ROMA)\\b");

    static List<String> catalogueRules() throws IOException {
        JsonNode catalogue = new ObjectMapper().readTree(Path.of("../deploy/local/demo/catalogue.json").toFile());
        List<String> rules = new ArrayList<>();
        for (String kind : List.of("programmes", "measures")) {
            catalogue.get(kind).forEach(record -> {
                if (record.hasNonNull("eligibility")) rules.add(record.get("eligibility").asText());
            });
        }
        return rules;
    }

    @Test
    void everyRuleOfTheDemoCatalogueHasAPlainDescriptionInBothLanguages() throws IOException {
        List<String> rules = catalogueRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        for (String rule : rules) {
            EligibilityLanguage.compile(rule); // a rule the service would accept
            for (Language language : Language.values()) {
                String description = RuleDescriptions.describe(language, rule).orElse(null);
                assertThat(description).as(language + " " + rule).isNotBlank();
                assertThat(CEL_OR_CODE.matcher(description).find()).as(language + " " + rule + " -> " + description).isFalse();
            }
        }
    }

    @Test
    void comparisonsMembershipAndJunctionsAreSaidInWords() {
        assertThat(RuleDescriptions.describe(Language.EN, "person.age <= 29")).contains("aged 29 or under");
        assertThat(RuleDescriptions.describe(Language.LV, "person.age <= 29")).contains("vecums līdz 29 gadiem");
        assertThat(RuleDescriptions.describe(Language.LV, "person.age < 22")).contains("vecums līdz 21 gadam");
        assertThat(RuleDescriptions.describe(Language.EN, "person.age >= 18 && person.age <= 29")).contains("aged 18 to 29");
        assertThat(RuleDescriptions.describe(Language.EN, "29 >= person.age")).contains("aged 29 or under");
        assertThat(RuleDescriptions.describe(Language.EN, "!(person.age > 29)")).contains("aged 29 or under");
        assertThat(RuleDescriptions.describe(Language.EN, "person.region in ['VIDZEME', 'RIGA']"))
                .contains("region is one of: Vidzeme, Riga");
        assertThat(RuleDescriptions.describe(Language.LV, "person.region == 'PIERIGA' || person.region == 'VIDZEME'"))
                .contains("reģions: Pierīga vai reģions: Vidzeme");
        assertThat(RuleDescriptions.describe(Language.EN, "person.role == 'PARTICIPANT' && (person.region == 'RIGA' || person.age >= 50)"))
                .contains("role is Participant from a vulnerable group and (region is Riga or aged 50 or over)");
        assertThat(RuleDescriptions.describe(Language.EN, "!person.needs.exists(n, n == 'HOUSING')")).contains("with none of the needs: Housing");
        assertThat(RuleDescriptions.describe(Language.EN, "'FIRST_JOB' in person.needs")).contains("with the need: A first job");
        assertThat(RuleDescriptions.describe(Language.EN, "['OVER_50', 'ROMA'].exists(t, t in person.targetGroups)"))
                .contains("in one of the target groups: Persons over 50, Roma");
        assertThat(RuleDescriptions.describe(Language.EN, "person.birthYear <= 1975")).contains("born in 1975 or earlier");
        assertThat(RuleDescriptions.describe(Language.LV, "true")).contains("visi");
        assertThat(RuleDescriptions.describe(Language.EN, "!(person.role == 'FACILITATOR' && person.region == 'RIGA')"))
                .contains("role is not Facilitator or region is not Riga");
    }

    @Test
    void aShapeItCannotRenderIsSaidInGeneralNeverInCel() {
        for (String rule : List.of("size(person.needs) > 2", "person.needs.all(n, n != 'HOUSING')",
                "person.municipality.startsWith('Rīg')", "person.age + 1 > 30")) {
            assertThat(RuleDescriptions.describe(Language.EN, rule)).as(rule).isEmpty();
            for (Language language : Language.values()) {
                String general = RuleDescriptions.describeOrGeneral(language, rule);
                assertThat(CEL_OR_CODE.matcher(general).find()).as(general).isFalse();
            }
        }
        assertThat(RuleDescriptions.describeOrGeneral(Language.LV, "size(person.needs) > 2")).contains("vienkāršiem vārdiem");
        assertThat(RuleDescriptions.describe(Language.EN, "person.age >= ")).as("does not parse").isEmpty();
    }
}
