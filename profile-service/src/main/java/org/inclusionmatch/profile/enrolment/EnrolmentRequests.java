package org.inclusionmatch.profile.enrolment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.NamesPersons;
import org.inclusionmatch.profile.vocabulary.Codes;

import java.util.List;
import java.util.UUID;

public final class EnrolmentRequests {

    private EnrolmentRequests() {
    }

    @Schema(name = "EnrolmentRequest", description = "Refer a person of your organisation to a measure")
    public record Refer(@NotNull UUID personId, @NotNull UUID measureId) implements NamesPersons {

        @Override
        public List<UUID> personsNamed() {
            return NamesPersons.persons(personId);
        }
    }

    @Schema(name = "EnrolmentTransition")
    public record Transition(
            @NotNull @Schema(example = "ACCEPTED") EnrolmentStatus status,
            @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code")
            @Schema(description = "Required for REJECTED, DROPPED and CANCELLED, e.g. NO_CAPACITY, NOT_ELIGIBLE", example = "NOT_ELIGIBLE")
            String reason) {
    }
}
