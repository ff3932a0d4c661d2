package org.inclusionmatch.engine;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the engine knows about a person. {@code excludedMeasureIds} are measures the person is already
 * enrolled in or declined: they are never recommended. {@code heldProgrammeIds} are programmes the person holds a
 * place in (a full programme still lets them take another of its measures). {@code heldElsewhereMeasureIds} are
 * measures the same human holds a place in, or in whose programme they hold one, through a record of another
 * organisation: left out, with a reason that names no organisation. Null lists and strings are read as empty.
 */
public record PersonProfile(
        UUID id,
        long version,
        String role,
        String archetype,
        int birthYear,
        String gender,
        String region,
        String municipality,
        List<String> targetGroups,
        List<String> needs,
        List<String> goals,
        List<String> languages,
        Set<UUID> excludedMeasureIds,
        Set<UUID> heldProgrammeIds,
        Set<UUID> heldElsewhereMeasureIds) {

    public PersonProfile {
        role = Inputs.orEmpty(role);
        archetype = Inputs.orEmpty(archetype);
        gender = Inputs.orEmpty(gender);
        region = Inputs.orEmpty(region);
        municipality = Inputs.orEmpty(municipality);
        targetGroups = Inputs.orEmpty(targetGroups);
        needs = Inputs.orEmpty(needs);
        goals = Inputs.orEmpty(goals);
        languages = Inputs.orEmpty(languages);
        excludedMeasureIds = excludedMeasureIds == null ? Set.of() : Set.copyOf(excludedMeasureIds);
        heldProgrammeIds = heldProgrammeIds == null ? Set.of() : Set.copyOf(heldProgrammeIds);
        heldElsewhereMeasureIds = heldElsewhereMeasureIds == null ? Set.of() : Set.copyOf(heldElsewhereMeasureIds);
    }

    /** A person none of whose places is recorded by another organisation. */
    public PersonProfile(UUID id, long version, String role, String archetype, int birthYear, String gender,
                         String region, String municipality, List<String> targetGroups, List<String> needs,
                         List<String> goals, List<String> languages, Set<UUID> excludedMeasureIds, Set<UUID> heldProgrammeIds) {
        this(id, version, role, archetype, birthYear, gender, region, municipality, targetGroups, needs, goals,
                languages, excludedMeasureIds, heldProgrammeIds, Set.of());
    }

    /** A person who holds no programme place. */
    public PersonProfile(UUID id, long version, String role, String archetype, int birthYear, String gender,
                         String region, String municipality, List<String> targetGroups, List<String> needs,
                         List<String> goals, List<String> languages, Set<UUID> excludedMeasureIds) {
        this(id, version, role, archetype, birthYear, gender, region, municipality, targetGroups, needs, goals,
                languages, excludedMeasureIds, Set.of());
    }
}
