package org.inclusionmatch.profile.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;

import java.util.List;
import java.util.UUID;

/** What the matching worker needs about a person: the fields the engine reads, and the measures never to recommend again. */
@Schema(name = "MatchingView")
public record MatchingView(MatchingPerson person,
                           @Schema(description = "Measures never to recommend to the person now: enrolled in, declined, or restricted for them") List<UUID> excludedMeasureIds,
                           @Schema(description = "Programmes the person holds a place in: a full programme still lets them take another of its measures")
                           List<UUID> heldProgrammeIds,
                           @Schema(description = "Measures the same person holds a place in, or in whose programme they hold one, "
                                   + "through another organisation's record: left out with the reason HELD_ELSEWHERE, which names no organisation")
                           List<UUID> heldElsewhereMeasureIds)
        implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return person.id();
    }
}
