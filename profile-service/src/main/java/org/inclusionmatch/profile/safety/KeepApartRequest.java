package org.inclusionmatch.profile.safety;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "KeepApartRequest", description = "Keep a person of your organisation apart from another person (of any organisation) "
        + "in residential and group measures. No reason is given or stored.")
public record KeepApartRequest(@NotNull UUID personId,
                               @NotNull @Schema(description = "The other person; never shown to their organisation") UUID otherPersonId) {
}
