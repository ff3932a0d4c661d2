package org.inclusionmatch.engine;

import java.util.List;

/** What the engine gives for one person: the ranked recommendations, and the relevant measures it had to leave out. */
public record MatchResult(List<Recommendation> recommendations, List<WhyNot> whyNot) {

    public MatchResult {
        recommendations = List.copyOf(recommendations);
        whyNot = List.copyOf(whyNot);
    }
}
