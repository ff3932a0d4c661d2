package org.inclusionmatch.engine;

import java.util.List;
import java.util.UUID;

/** One recommended measure; {@code rank} starts at 1, {@code score} is in [0, 1] with 3 decimals. */
public record Recommendation(int rank, UUID measureId, String measureCode, double score, List<Reason> reasons) {

    public Recommendation {
        reasons = List.copyOf(reasons);
    }
}
