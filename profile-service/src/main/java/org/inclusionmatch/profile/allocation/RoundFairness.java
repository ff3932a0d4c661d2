package org.inclusionmatch.profile.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.report.Fairness;

import java.util.UUID;

/**
 * The fairness of a round: of its candidates, per target group, gender, age band and region, the share the proposal
 * gives a place beside the share first come first served would have, on the same candidates and places, each with
 * its ratio to the best-served group and the four-fifths flag. Protected like the reports (cell-key perturbation
 * keyed on the persons, cells under 5 suppressed, no rate, ratio or flag on a suppressed cell).
 */
@Schema(name = "AllocationRoundFairness")
public record RoundFairness(UUID roundId, UUID programmeId, UUID measureId,
                            @Schema(description = "Cells counting fewer people than this are suppressed") int minimumCell,
                            @Schema(description = "CELL_KEY_PERTURBATION: counts may differ from the exact count by up to 2") String disclosureControl,
                            @Schema(description = "A group whose rate is under this share of the best-served group's is flagged (0.8)") double fourFifths,
                            @Schema(description = "Assigned a place by the proposal / candidates") Fairness.Rates proposal,
                            @Schema(description = "Assigned a place by first come first served / candidates") Fairness.Rates firstComeFirstServed) {
}
