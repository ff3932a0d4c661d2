package org.inclusionmatch.engine;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Eligibility rules that pass every compile-time limit yet cost far too much at run time: the engine's cut-off tests
 * and the worker's end-to-end test use the same ones (the worker gets them from this module's test jar).
 */
public final class HostileRules {

    private HostileRules() {
    }

    /** The CEL list literal {@code [0,1,...,n-1]}. */
    public static String range(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Within every compile-time limit (the estimate sees ~280 iterations), but chained maps grow twenty lists of
     * 4,000 numbers and two nested {@code all}s scan each once per element: many seconds of work per person.
     */
    public static String slowRule() {
        String scans = IntStream.range(1, 11).mapToObj(i -> "!(v + " + (100 * i) + " in l)")
                .collect(Collectors.joining(" && "));
        return range(20) + ".map(a, " + range(20) + ").map(l, " + String.join(" + ", Collections.nCopies(10, "l"))
                + ").map(l, " + String.join(" + ", Collections.nCopies(20, "l")) + ").all(l, l.all(v, " + scans + "))";
    }

    /** Within the compile-time limits, cheap per step, but 6,000 iterations: over the run-time iteration limit. */
    public static String manyIterations() {
        return range(20) + ".map(a, " + range(20) + ").map(l, " + String.join(" + ", Collections.nCopies(15, "l"))
                + ").all(l, l.all(v, v >= 0))";
    }
}
