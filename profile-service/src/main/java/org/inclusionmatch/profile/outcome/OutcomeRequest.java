package org.inclusionmatch.profile.outcome;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonIgnoreProperties(value = {"id", "organisationId", "region", "targetGroups", "version", "createdAt", "updatedAt"}, allowGetters = false)
@Schema(name = "OutcomeRequest", description = "A participant's outcome for one programme period, with an optional 6-month follow-up")
public record OutcomeRequest(
        @NotNull UUID personId,
        @NotNull UUID programmeId,
        @NotNull @Schema(example = "2022-03-01") LocalDate periodStart,
        @NotNull @Schema(example = "2022-08-31") LocalDate periodEnd,
        @NotNull @Schema(example = "EMPLOYED") OutcomeStatus status,
        @NotNull @Schema(example = "2022-08-31") LocalDate outcomeDate,
        @Schema(description = "Status at the 6-month follow-up, if known") OutcomeStatus followUpStatus,
        LocalDate followUpDate) implements NamesPersons {

    @Override
    public List<UUID> personsNamed() {
        return NamesPersons.persons(personId);
    }
}
