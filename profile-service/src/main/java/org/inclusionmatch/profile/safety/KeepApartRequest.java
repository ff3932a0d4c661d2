package org.inclusionmatch.profile.safety;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;

import java.util.List;
import java.util.UUID;

@Schema(name = "KeepApartRequest", description = "Keep a person of your organisation apart from another person (of any organisation) "
        + "in residential and group measures. No reason is given or stored.")
public record KeepApartRequest(@NotNull UUID personId,
                               @NotNull @Schema(description = "The other person; never shown to their organisation") UUID otherPersonId)
        implements NamesPersons {

    /**
     * The person of the recording organisation only, as on the constraint's own audit entries (KeepApartView): the
     * other person's entries are in their export, which their organisation reads, and a keep-apart entry there would
     * show it the constraint that no one but the recording organisation may see.
     */
    @Override
    public List<UUID> personsNamed() {
        return NamesPersons.persons(personId);
    }
}
