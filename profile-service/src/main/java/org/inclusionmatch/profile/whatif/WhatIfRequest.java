package org.inclusionmatch.profile.whatif;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.measure.MeasureRequest;
import org.inclusionmatch.profile.programme.ProgrammeRequest;

import java.time.LocalDate;
import java.util.List;

/** A draft programme and its draft measures, as their create requests would give them; nothing of it is stored. */
@Schema(name = "WhatIfRequest")
public record WhatIfRequest(
        @NotNull @Valid @Schema(description = "The draft programme, as in createProgramme") ProgrammeRequest programme,
        @NotEmpty @Size(max = 20)
        @Schema(description = "Its draft measures, as in createMeasure but without programmeId (they belong to the draft programme)")
        List<@NotNull @Valid MeasureRequest> measures,
        @Schema(description = "The day to match on; left out: today, or the draft programme's start if that is later",
                example = "2026-09-01")
        LocalDate evaluationDay) {
}
