package org.inclusionmatch.contracts.eligibility;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Rules built to cost too much, shared by the tests of the limits (and copied by the API and end-to-end tests). */
final class HostileRules {

    private HostileRules() {
    }

    static String range(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /** The rule of issue 8: six nested {@code [0,...,39].all(v, ...)}, about 40^6 iterations, ~740 characters. */
    static String sixNestedComprehensions() {
        String rule = "person.age >= 0";
        for (char v = 'f'; v >= 'a'; v--) {
            rule = range(40) + ".all(" + v + ", " + rule + ")";
        }
        return rule;
    }

    /**
     * Slips through the compile-time limits but is cheap per iteration: a {@code map} grows twenty lists of 300
     * numbers, which the estimate cannot see (a loop variable holding a list counts as a short list), and two nested
     * {@code all}s walk them: 6,000 iterations, over the run-time iteration limit.
     */
    static String manyIterations() {
        return range(20) + ".map(a, " + range(20) + ").map(l, " + String.join(" + ", Collections.nCopies(15, "l"))
                + ").all(l, l.all(v, v >= 0))";
    }

    /**
     * Slips through the compile-time limits: three chained (not nested) {@code map}s grow twenty lists of 4,000
     * numbers, which the estimate cannot see (a loop variable holding a list counts as a short list), and two nested
     * {@code all}s then scan every list once per element. About 80,000 iterations of ten linear scans each; with no
     * run-time limits it pins a core for many seconds.
     */
    static String slipsThrough() {
        String tenTimes = String.join(" + ", Collections.nCopies(10, "l"));
        String twentyTimes = String.join(" + ", Collections.nCopies(20, "l"));
        String scans = IntStream.range(1, 11).mapToObj(i -> "!(v + " + (100 * i) + " in l)")
                .collect(Collectors.joining(" && "));
        return range(20) + ".map(a, " + range(20) + ").map(l, " + tenTimes + ").map(l, " + twentyTimes + ")"
                + ".all(l, l.all(v, " + scans + "))";
    }
}
