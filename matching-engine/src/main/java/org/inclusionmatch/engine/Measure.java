package org.inclusionmatch.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A support measure. {@code programmeId}, the dates and {@code eligibility} may be null (no programme,
 * open-ended, everyone admitted). {@code audienceRoles} and {@code languages} empty mean any role and any language.
 * {@code waitlist} is how many wait for a place, {@code releasedLast90Days} how many places were freed (and
 * given on) in the 90 days before the evaluation day; either may be null when unknown.
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
        String eligibility,
        List<String> audienceRoles,
        List<String> languages,
        Integer waitlist,
        Integer releasedLast90Days) {

    public Measure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        needs = Inputs.orEmpty(needs);
        goals = Inputs.orEmpty(goals);
        regions = Inputs.orEmpty(regions);
        audienceRoles = Inputs.orEmpty(audienceRoles);
        languages = Inputs.orEmpty(languages);
    }

    /** A measure open to every role and language, with no waitlist figures. */
    public Measure(UUID id, String code, UUID programmeId, String kind, String title, List<String> needs,
                   List<String> goals, List<String> regions, boolean remote, int capacity, int seatsTaken,
                   LocalDate startDate, LocalDate endDate, String eligibility) {
        this(id, code, programmeId, kind, title, needs, goals, regions, remote, capacity, seatsTaken, startDate,
                endDate, eligibility, List.of(), List.of(), null, null);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }
}
