package org.inclusionmatch.worker.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A programme that measures may belong to. Null dates, capacity or eligibility mean "open"; empty regions
 * mean "everywhere". Capacity is informational: programme-wide seats taken are not known to the engine.
 */
public record Programme(
        UUID id,
        String code,
        LocalDate startDate,
        LocalDate endDate,
        Integer capacity,
        List<String> regions,
        String eligibility) {

    public Programme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        regions = Inputs.orEmpty(regions);
    }
}
