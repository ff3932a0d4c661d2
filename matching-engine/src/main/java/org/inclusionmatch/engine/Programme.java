package org.inclusionmatch.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A programme that measures may belong to. Null dates, capacity or eligibility mean "open"; empty regions
 * mean "everywhere". {@code placesHeld} is how many participants hold a place in one of its measures for its
 * period; at {@code capacity} the programme takes no newcomer (a person who holds a place already may take another
 * of its measures).
 */
public record Programme(
        UUID id,
        String code,
        LocalDate startDate,
        LocalDate endDate,
        Integer capacity,
        List<String> regions,
        String eligibility,
        int placesHeld) {

    public Programme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        regions = Inputs.orEmpty(regions);
    }

    /** A programme nobody holds a place in yet. */
    public Programme(UUID id, String code, LocalDate startDate, LocalDate endDate, Integer capacity,
                     List<String> regions, String eligibility) {
        this(id, code, startDate, endDate, capacity, regions, eligibility, 0);
    }

    /** Whether a newcomer can still get a place: no capacity means no limit. */
    public boolean hasRoomForNewcomer() {
        return capacity == null || placesHeld < capacity;
    }
}
