package org.inclusionmatch.profile.organisation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.Region;

/** What a client may write about an organisation; server-set fields sent back from a read are ignored. */
@JsonIgnoreProperties(value = {"id", "version", "createdAt", "updatedAt"}, allowGetters = false)
@Schema(name = "OrganisationRequest")
public record OrganisationRequest(
        @NotBlank @Pattern(regexp = Codes.RECORD_CODE, message = "must be 2-64 characters of A-Z, 0-9, '.', '_' or '-'")
        @Schema(example = "LRC") String code,
        @NotBlank @Size(max = 200) @Schema(example = "Latvian Red Cross") String name,
        @NotNull @Schema(example = "NGO") OrganisationKind kind,
        @NotNull @Schema(example = "RIGA") Region region) {
}
