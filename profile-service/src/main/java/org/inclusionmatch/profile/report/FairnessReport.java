package org.inclusionmatch.profile.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The fairness monitor of a programme and period: for each stage of the way from recommendation to inclusion, the
 * overall rate and each group's rate per protected dimension, its ratio to the best-served group and the
 * four-fifths flag. Protected like the inclusion report (cell-key perturbation, small cells suppressed).
 */
@Schema(name = "FairnessReport")
public record FairnessReport(UUID programmeId, String programmeCode, LocalDate from, LocalDate to,
                             @Schema(description = "Cells counting fewer people than this are suppressed") int minimumCell,
                             @Schema(description = "How the figures are protected: CELL_KEY_PERTURBATION (counts may differ from the exact count by up to 2)")
                             String disclosureControl,
                             @Schema(description = "A group whose rate is under this share of the best-served group's is flagged (0.8)")
                             double fourFifths,
                             @Schema(description = "The stages in order; each rate's denominator is the persons of the stage before")
                             List<StageRates> stages) {

    /**
     * The stages, each a subset of the one before. The base of RECOMMENDED is the persons matched in the period in the
     * programme's regions (or recommended one of its measures); each later stage's base is the stage before.
     */
    @Schema(name = "FairnessStage", description = "RECOMMENDED: recommended a measure of the programme / persons matched in the period; "
            + "REFERRED: referred to one of its measures / recommended; ACCEPTED: accepted by the provider / referred; "
            + "ENROLLED: enrolled / accepted; INCLUDED: in work or education at the end of a programme period in the report's "
            + "period / enrolled")
    public enum Stage { RECOMMENDED, REFERRED, ACCEPTED, ENROLLED, INCLUDED }

    @Schema(name = "FairnessStageRates")
    public record StageRates(Stage stage,
                             @Schema(description = "Who the rate's denominator counts") String denominator,
                             Fairness.Rates rates) {
    }
}
