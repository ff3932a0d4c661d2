package org.inclusionmatch.profile.matching;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The persons whose matching views the worker reads in one request: a batch of person events. */
@Schema(name = "MatchingViewsRequest")
public record MatchingViewsRequest(
        @NotNull @Size(min = 1, max = MAX_IDS) @Schema(description = "At most 500 person ids, each at most once")
        List<@NotNull UUID> ids) implements NamesPersons {

    /** As many as one batch store takes, so one read feeds one store. */
    public static final int MAX_IDS = 500;

    @Override
    public List<UUID> personsNamed() {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
    }
}
