package org.inclusionmatch.contracts.eligibility;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 8: a rule costs a bounded amount, refused when written where that can be seen, cut off where it cannot. */
class RuleLimitsTest {

    private static Map<String, Object> person() {
        Map<String, Object> p = new HashMap<>();
        p.put("role", "PARTICIPANT");
        p.put("archetype", "GROWTH_ORIENTED");
        p.put("birthYear", 1990L);
        p.put("age", 36L);
        p.put("gender", "FEMALE");
        p.put("region", "VIDZEME");
        p.put("municipality", "Gulbene");
        p.put("targetGroups", List.of("OVER_50", "ROMA"));
        p.put("needs", List.of("HOUSING", "DIGITAL_SKILLS"));
        p.put("goals", List.of("OPEN_LABOUR_MARKET"));
        p.put("languages", List.of("lv"));
        return p;
    }

    private static RuleLimitException refused(String rule) {
        try {
            EligibilityLanguage.compile(rule);
        } catch (RuleLimitException e) {
            return e;
        }
        throw new AssertionError("compiled: " + rule);
    }

    @Test
    void theNestedComprehensionsOfTheIssueAreRefusedNamingTheLimit() {
        String rule = HostileRules.sixNestedComprehensions();
        assertThat(rule.length()).isBetween(700, 800);
        RuleLimitException e = refused(rule);
        assertThat(e.limit()).isEqualTo("comprehension nesting");
        assertThat(e.getMessage()).contains("comprehension nesting limit").contains("6 deep").contains("at most 2");
    }

    @Test
    void eachCompileTimeLimitIsNamed() {
        assertThat(refused("person.age" + " + 1".repeat(40) + " > 0").limit()).isEqualTo("nesting depth");
        assertThat(refused(String.join(" || ", Collections.nCopies(9, "person.needs.exists(n, n == 'HOUSING')")))
                .limit()).isEqualTo("comprehensions");
        RuleLimitException cost = refused(HostileRules.range(40) + ".all(a, " + HostileRules.range(40) + ".all(b, a != b))");
        assertThat(cost.limit()).isEqualTo("estimated cost");
        assertThat(cost.getMessage()).contains("estimated cost limit").contains("1640").contains("at most 500");
        assertThat(refused("true && ".repeat(400) + "true").limit()).isEqualTo("length");
    }

    @Test
    void realisticRulesStayWellWithinTheLimits() {
        List<String> rules = List.of(
                "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['AFTER_CHILDCARE_LEAVE',"
                        + "'VIOLENCE_VICTIM','CARER','SINGLE_PARENT','OVER_50','DISABILITY','ETHNIC_MINORITY','ROMA'])",
                "['OVER_50', 'ROMA'].all(t, t in person.targetGroups)",
                "person.needs.exists(n, person.goals.exists(g, g == 'OPEN_LABOUR_MARKET') && n == 'HOUSING')",
                // a long flat condition: CEL balances chains of && and ||
                String.join(" || ", Collections.nCopies(40, "person.municipality == 'Gulbene'")));
        for (String rule : rules) {
            assertThat(EligibilityLanguage.compile(rule).evaluate(person(), Duration.ofSeconds(1)))
                    .as(rule).isEqualTo(RuleVerdict.ADMITTED);
        }
    }

    @Test
    void aRuleThatSlipsThroughIsCutOffAtTheIterationLimit() {
        EligibilityRule rule = EligibilityLanguage.compile(HostileRules.manyIterations());
        long start = System.nanoTime();
        assertThat(rule.evaluate(person(), null)).isEqualTo(RuleVerdict.ITERATION_LIMIT);
        // Even where CEL would absorb the error and answer true, nobody is admitted.
        EligibilityRule orTrue = EligibilityLanguage.compile("(" + HostileRules.manyIterations() + ") || true");
        assertThat(orTrue.evaluate(person(), null)).isEqualTo(RuleVerdict.ITERATION_LIMIT);
        assertThat(orTrue.admits(person())).isFalse();
        System.out.printf("many-iterations rule (%d chars) cut off by the iteration limit: 3 evaluations in %d ms%n",
                HostileRules.manyIterations().length(), (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRuleStillRunningAtTheDeadlineIsCutOffThere() {
        EligibilityRule rule = EligibilityLanguage.compile(HostileRules.slipsThrough());
        rule.evaluate(person(), Duration.ofMillis(20)); // warm up
        long start = System.nanoTime();
        RuleVerdict verdict = rule.evaluate(person(), Duration.ofMillis(20));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(verdict).isEqualTo(RuleVerdict.DEADLINE);
        assertThat(tookMs).isLessThan(500);
        System.out.printf("slip-through rule cut off by a 20 ms deadline after %d ms%n", tookMs);
        // A deadline already passed stops even the cheapest rule: the clock is read at the first step.
        assertThat(EligibilityLanguage.compile("person.age >= 18").evaluate(person(), Duration.ZERO))
                .isEqualTo(RuleVerdict.DEADLINE);
    }

    @Test
    void aRuleThatBuildsHugeValuesIsCutOffAtTheSizeLimit() {
        // Each chained map multiplies the lists by ten: 20, 200, 2000, 20000 numbers; the estimate sees 80 iterations.
        String grows = HostileRules.range(20) + ".map(a, " + HostileRules.range(20) + ")"
                + ".map(l, l + l + l + l + l + l + l + l + l + l)".repeat(3) + ".size() > 0";
        EligibilityRule rule = EligibilityLanguage.compile(grows);
        assertThat(rule.evaluate(person(), null)).isEqualTo(RuleVerdict.SIZE_LIMIT);
    }

    @Test
    void verdictsOfOrdinaryRules() {
        assertThat(EligibilityLanguage.compile("person.age >= 18").evaluate(person(), Duration.ofSeconds(1)))
                .isEqualTo(RuleVerdict.ADMITTED);
        assertThat(EligibilityLanguage.compile("person.age < 18").evaluate(person(), Duration.ofSeconds(1)))
                .isEqualTo(RuleVerdict.NOT_ADMITTED);
        assertThat(EligibilityLanguage.compile("person.age < 18").evaluate(Map.of(), Duration.ofSeconds(1)))
                .isEqualTo(RuleVerdict.FAILED);
        assertThat(RuleVerdict.DEADLINE.overLimit()).isTrue();
        assertThat(RuleVerdict.FAILED.overLimit()).isFalse();
    }
}
