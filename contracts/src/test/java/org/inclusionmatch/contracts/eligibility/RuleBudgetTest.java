package org.inclusionmatch.contracts.eligibility;

import dev.cel.common.ast.CelExpr;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deadline is the rule's own time: a thread that stands still (a garbage-collection pause, a busy machine) is not
 * cut off for it, while a thread that computes is. A realistic rule cut off for a pause three times would be
 * quarantined, and every person it serves would lose the measure.
 */
class RuleBudgetTest {

    static final CelExpr NODE = CelExpr.ofIdent(1, "person");

    @Test
    void aThreadStandingStillIsNotCutOff() throws InterruptedException {
        RuleBudget budget = new RuleBudget(new long[0], Duration.ofMillis(20).toNanos());
        Thread.sleep(100); // five times the deadline in wall time, almost no processor time
        for (int i = 0; i < 64; i++) {
            budget.callback(NODE, Boolean.TRUE);
        }
        assertThat(budget.exceeded()).isNull();
    }

    @Test
    void aThreadThatComputesIsCutOff() {
        RuleBudget budget = new RuleBudget(new long[0], Duration.ofMillis(20).toNanos());
        assertThatThrownBy(() -> {
            for (int round = 0; round < 100; round++) { // computing between the callbacks, as a costly rule does
                spin(Duration.ofMillis(20));
                for (int i = 0; i < 16; i++) {
                    budget.callback(NODE, Boolean.TRUE);
                }
            }
        });
        assertThat(budget.exceeded()).isEqualTo(RuleVerdict.DEADLINE);
    }

    @Test
    void noDeadlineNeverCutsOff() throws InterruptedException {
        RuleBudget budget = new RuleBudget(new long[0], -1);
        spin(Duration.ofMillis(30));
        for (int i = 0; i < 64; i++) {
            budget.callback(NODE, Boolean.TRUE);
        }
        assertThat(budget.exceeded()).isNull();
    }

    private static void spin(Duration wall) {
        long until = System.nanoTime() + wall.toNanos();
        long spin = 0;
        while (System.nanoTime() < until) {
            spin += Long.numberOfTrailingZeros(spin + until);
        }
        assertThat(spin).isNotNegative();
    }
}
