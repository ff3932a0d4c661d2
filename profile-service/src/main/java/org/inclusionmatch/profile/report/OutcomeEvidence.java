package org.inclusionmatch.profile.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * Past inclusion per programme and per measure, for each target group, as the matching engine uses it for its
 * evidence term: under the same disclosure control as the inclusion report (cell-key noise of up to 2 on each count;
 * a cell whose participants, included or not-included people are under 5 is left out).
 */
@Schema(name = "OutcomeEvidence")
public record OutcomeEvidence(
        @Schema(description = "Included / participants over all outcomes, from the published (perturbed) totals; null when suppressed")
        Double overallRate,
        int minimumCell,
        List<Cell> cells) {

    @Schema(name = "OutcomeEvidenceCell")
    public record Cell(@Schema(description = "PROGRAMME or MEASURE") String scope, UUID id,
                       @Schema(description = "TARGET_GROUP") String group, String value,
                       int participants, int included) {
    }
}
