package org.inclusionmatch.profile.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.person.PersonView;

import java.util.List;
import java.util.UUID;

/** What the matching worker needs about a person: the profile, and the measures never to recommend again. */
@Schema(name = "MatchingView")
public record MatchingView(PersonView person,
                           @Schema(description = "Measures the person is enrolled in or declined") List<UUID> excludedMeasureIds) implements ConcernsPerson {

    @Override
    public UUID concernedPerson() {
        return person.id();
    }
}
