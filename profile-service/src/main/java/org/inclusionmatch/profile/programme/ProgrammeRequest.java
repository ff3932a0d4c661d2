package org.inclusionmatch.profile.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.Region;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonIgnoreProperties(value = {"id", "version", "createdAt", "updatedAt", "eligibilityDescription"}, allowGetters = false)
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @NotBlank @Pattern(regexp = Codes.RECORD_CODE, message = "must be 2-64 characters of A-Z, 0-9, '.', '_' or '-'")
        @Schema(example = "MOTIV-PIERIGA-2026") String code,
        @NotBlank @Size(max = 200) @Schema(example = "Motivation and support programme, Pieriga") String name,
        @NotNull @Schema(description = "Organisation that runs the programme") UUID operatorId,
        @Schema(description = "Organisation that pays for it, if another") UUID funderId,
        @NotNull @Schema(example = "2026-09-01") LocalDate startDate,
        @NotNull @Schema(example = "2027-02-28") LocalDate endDate,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "60") Integer capacity,
        @NotEmpty @Size(max = 6) @Schema(example = "[\"RIGA\", \"PIERIGA\"]") List<@NotNull Region> regions,
        @Size(max = 2000) @Schema(description = "CEL rule over person; leave out to admit everyone",
                example = "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['OVER_50','SINGLE_PARENT'])")
        String eligibility,
        @Size(max = 50) @Schema(description = "Optional quotas per region or target group for allocation rounds")
        List<@NotNull @Valid ProgrammeQuota> quotas) {
}
