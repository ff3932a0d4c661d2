package org.inclusionmatch.contracts.eligibility;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;

import java.util.ArrayList;
import java.util.List;

/**
 * A static estimate of what a compiled rule costs, read off its AST (after macro expansion, so {@code all},
 * {@code exists}, {@code map} and {@code filter} are comprehensions). CEL-Java 0.14 has no cost estimator of its
 * own, so this one is deliberately simple: a comprehension runs as often as the comprehensions around its body
 * run, times the size of its range, where a list or map literal counts its entries, a list field of the person
 * counts {@link #PERSON_LIST_SIZE}, a {@code map}/{@code filter} result counts its own range, a sum counts its
 * parts, and anything else (a loop variable holding a list, say) counts {@link #UNKNOWN_RANGE_SIZE}. What this
 * under-estimates is caught at run time by the limits in {@link RuleBudget}.
 */
record RuleCost(int depth, int comprehensions, int comprehensionNesting, long estimatedIterations,
                List<Long> loopStepIds) {

    /** The API caps a person's target groups, needs and goals at 20 entries and languages at 10. */
    static final int PERSON_LIST_SIZE = 20;
    static final int UNKNOWN_RANGE_SIZE = 10;

    static RuleCost of(CelExpr root) {
        Walk walk = new Walk();
        walk.visit(root, 1, 1, 0);
        return new RuleCost(walk.depth, walk.comprehensions, walk.nesting, walk.iterations, List.copyOf(walk.loopSteps));
    }

    private static final class Walk {
        int depth;
        int comprehensions;
        int nesting;
        long iterations;
        final List<Long> loopSteps = new ArrayList<>();

        /** @param runs how often this node is evaluated per evaluation of the rule (estimated) */
        void visit(CelExpr e, int level, long runs, int enclosingComprehensions) {
            depth = Math.max(depth, level);
            int next = level + 1;
            switch (e.getKind()) {
                case COMPREHENSION -> {
                    CelComprehension c = e.comprehension();
                    comprehensions++;
                    int inside = enclosingComprehensions + 1;
                    nesting = Math.max(nesting, inside);
                    long perRun = rangeSize(c.iterRange());
                    long bodyRuns = times(runs, perRun);
                    iterations = plus(iterations, bodyRuns);
                    loopSteps.add(c.loopStep().id());
                    visit(c.iterRange(), next, runs, enclosingComprehensions);
                    visit(c.accuInit(), next, runs, enclosingComprehensions);
                    visit(c.loopCondition(), next, bodyRuns, inside);
                    visit(c.loopStep(), next, bodyRuns, inside);
                    visit(c.result(), next, runs, enclosingComprehensions);
                }
                case CALL -> {
                    e.call().target().ifPresent(t -> visit(t, next, runs, enclosingComprehensions));
                    e.call().args().forEach(a -> visit(a, next, runs, enclosingComprehensions));
                }
                case LIST -> e.list().elements().forEach(a -> visit(a, next, runs, enclosingComprehensions));
                case MAP -> e.map().entries().forEach(entry -> {
                    visit(entry.key(), next, runs, enclosingComprehensions);
                    visit(entry.value(), next, runs, enclosingComprehensions);
                });
                case STRUCT -> e.struct().entries().forEach(
                        entry -> visit(entry.value(), next, runs, enclosingComprehensions));
                case SELECT -> visit(e.select().operand(), next, runs, enclosingComprehensions);
                default -> {
                }
            }
        }

        static long rangeSize(CelExpr range) {
            return switch (range.getKind()) {
                case LIST -> range.list().elements().size();
                case MAP -> range.map().entries().size();
                case SELECT -> range.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT
                        && "person".equals(range.select().operand().ident().name())
                        ? PERSON_LIST_SIZE : UNKNOWN_RANGE_SIZE;
                case CALL -> "_+_".equals(range.call().function())
                        ? range.call().args().stream().mapToLong(Walk::rangeSize).reduce(0, Walk::plus)
                        : UNKNOWN_RANGE_SIZE;
                case COMPREHENSION -> rangeSize(range.comprehension().iterRange()); // map and filter keep at most their range
                default -> UNKNOWN_RANGE_SIZE;
            };
        }

        static long times(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
        }

        static long plus(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }
}
