package org.inclusionmatch.contracts.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EligibilityLanguageTest {

    private static Map<String, Object> person(String role, long age, List<String> targetGroups, List<String> goals) {
        Map<String, Object> p = new HashMap<>();
        p.put("role", role);
        p.put("archetype", "GROWTH_ORIENTED");
        p.put("birthYear", 2026L - age);
        p.put("age", age);
        p.put("gender", "FEMALE");
        p.put("region", "VIDZEME");
        p.put("municipality", "Gulbene");
        p.put("targetGroups", targetGroups);
        p.put("needs", List.of());
        p.put("goals", goals);
        p.put("languages", List.of("lv"));
        return p;
    }

    @Test
    void everyRuleOfTheDemoCatalogueCompiles() throws Exception {
        JsonNode catalogue = new ObjectMapper().readTree(new File("../deploy/local/demo/catalogue.json"));
        List<String> rules = new ArrayList<>();
        for (String section : List.of("programmes", "measures")) {
            catalogue.get(section).forEach(n -> {
                if (n.hasNonNull("eligibility")) {
                    rules.add(n.get("eligibility").asText());
                }
            });
        }
        assertThat(rules).hasSizeGreaterThan(5);
        rules.forEach(rule -> assertThat(EligibilityLanguage.compile(rule).expression()).isEqualTo(rule));
    }

    @Test
    void evaluatesMacrosListsAndIntegers() {
        EligibilityRule motivation = EligibilityLanguage.compile(
                "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['OVER_50','ROMA'])");
        assertThat(motivation.admits(person("PARTICIPANT", 57, List.of("OVER_50"), List.of()))).isTrue();
        assertThat(motivation.admits(person("PARTICIPANT", 57, List.of("MIGRANT"), List.of()))).isFalse();
        assertThat(motivation.admits(person("FACILITATOR", 57, List.of("OVER_50"), List.of()))).isFalse();

        EligibilityRule adult = EligibilityLanguage.compile("person.age >= 18");
        assertThat(adult.admits(person("PARTICIPANT", 18, List.of(), List.of()))).isTrue();
        assertThat(adult.admits(person("PARTICIPANT", 17, List.of(), List.of()))).isFalse();

        EligibilityRule gulbene = EligibilityLanguage.compile(
                "person.municipality == 'Gulbene' && person.goals.exists(g, g == 'START_BUSINESS')");
        assertThat(gulbene.admits(person("PARTICIPANT", 30, List.of(), List.of("START_BUSINESS")))).isTrue();
    }

    @Test
    void aRuntimeFailureAdmitsNobody() {
        EligibilityRule rule = EligibilityLanguage.compile("person.age >= 18");
        assertThat(rule.admits(Map.of("role", "PARTICIPANT"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "person.salary > 10",          // unknown field
            "person.age >= '18'",          // type mismatch
            "person.age",                  // not a boolean
            "person.role == ",             // does not parse
            "employer.size > 10",          // unknown variable
    })
    void rejectsRulesThatDoNotCompileWithTheCompilersMessage(String rule) {
        assertThatThrownBy(() -> EligibilityLanguage.compile(rule))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("ERROR");
    }

    @Test
    void namesTheUnknownField() {
        assertThatThrownBy(() -> EligibilityLanguage.compile("person.salary > 10"))
                .hasMessageContaining("salary");
    }

    @Test
    void rejectsBlankAndOversizeRules() {
        assertThatThrownBy(() -> EligibilityLanguage.compile(" ")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> EligibilityLanguage.compile("true && ".repeat(400) + "true"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("at most");
    }
}
