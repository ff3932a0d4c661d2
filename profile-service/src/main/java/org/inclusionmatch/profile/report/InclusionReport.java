package org.inclusionmatch.profile.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Participants of a programme period and how many were included in employment or education. Every count is
 * perturbed by the cell-key method (see {@code CellKeyMethod}) and small cells are suppressed.
 */
@Schema(name = "InclusionReport")
public record InclusionReport(UUID programmeId, String programmeCode, LocalDate from, LocalDate to,
                             @Schema(description = "Filters applied besides programme and period") Filters filters,
                             @Schema(description = "Cells counting fewer people than this are suppressed") int minimumCell,
                             @Schema(description = "How the figures are protected: CELL_KEY_PERTURBATION (counts may differ from the exact count by up to 2)")
                             String disclosureControl,
                             Cell total,
                             @Schema(description = "Every region, in a fixed order, whether anyone is counted in it or not "
                                     + "(an empty region is suppressed like a small one)") List<Cell> byRegion) {

    public static final String DISCLOSURE_CONTROL = "CELL_KEY_PERTURBATION";

    @Schema(name = "InclusionReportFilters")
    public record Filters(String region, String targetGroup, UUID measureId) {
    }

    /**
     * One row. Counts are perturbed (up to 2 either way, the same for the same people whatever the request).
     * When {@code suppressed}, the counts that could single someone out are null: both when the cell has fewer
     * than {@code minimumCell} participants, else the included count and rate when either the included or the
     * others are fewer than {@code minimumCell}.
     */
    @Schema(name = "InclusionReportCell")
    public record Cell(@Schema(description = "null for the total") String region,
                       @Schema(description = "perturbed; null when suppressed") Integer participants,
                       @Schema(description = "perturbed; null when suppressed") Integer included,
                       @Schema(description = "included / participants of the published figures, 3 decimals") Double rate,
                       @Schema(description = "rate in whole percent, as the field reports it") Integer ratePercent,
                       boolean suppressed) {
    }
}
