package org.inclusionmatch.worker.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A support measure. {@code programmeId}, the dates and {@code eligibility} may be null (no programme,
 * open-ended, everyone admitted).
 */
public record Measure(
        UUID id,
        String code,
        UUID programmeId,
        String kind,
        String title,
        List<String> needs,
        List<String> goals,
        List<String> regions,
        boolean remote,
        int capacity,
        int seatsTaken,
        LocalDate startDate,
        LocalDate endDate,
        String eligibility) {

    public Measure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        needs = Inputs.orEmpty(needs);
        goals = Inputs.orEmpty(goals);
        regions = Inputs.orEmpty(regions);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }
}
