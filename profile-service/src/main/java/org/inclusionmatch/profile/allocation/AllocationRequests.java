package org.inclusionmatch.profile.allocation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

public final class AllocationRequests {

    private AllocationRequests() {
    }

    @Schema(name = "AllocationRoundRequest", description = "Open a round for one measure, or for every measure of a programme intake")
    public record Open(UUID measureId, UUID programmeId,
                       @Schema(description = "Plan ahead over the period (default true): where the programme or measure has an end date "
                               + "and earlier rounds give a weekly rate of new candidates, hold places for the candidates expected "
                               + "in later weekly rounds (HELD_FOR_LATER); false gives the round alone") Boolean planAhead) {

        @AssertTrue(message = "give exactly one of measureId and programmeId")
        @Schema(hidden = true)
        public boolean isExactlyOne() {
            return (measureId == null) != (programmeId == null);
        }
    }

    @Schema(name = "AllocationRoundConfirmation")
    public record Confirm(
            @Schema(description = "Also waitlist the candidates without a place, in order of fit (default true)") Boolean waitlistRest) {
    }
}
