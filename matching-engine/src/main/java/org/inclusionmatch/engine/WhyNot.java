package org.inclusionmatch.engine;

import java.util.List;
import java.util.UUID;

/**
 * A measure that meets one of the person's needs or goals but is not recommended: the hard constraints it fails
 * ({@code unmet}) and, where one exists, what would change that ({@code changes}: the date it opens, the waitlist
 * and expected wait, an alternative, the value of a rule's condition that would pass or whom the rule is for).
 */
public record WhyNot(UUID measureId, String measureCode, List<Reason> unmet, List<Reason> changes) {

    public WhyNot {
        unmet = List.copyOf(unmet);
        changes = List.copyOf(changes);
    }
}
