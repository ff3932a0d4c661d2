package org.inclusionmatch.profile.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Participants of a programme period and how many were included in employment or education. */
@Schema(name = "InclusionReport")
public record InclusionReport(UUID programmeId, String programmeCode, LocalDate from, LocalDate to,
                              @Schema(description = "Filters applied besides programme and period") Filters filters,
                              @Schema(description = "Cells counting fewer people than this are suppressed") int minimumCell,
                              Cell total, List<Cell> byRegion) {

    public record Filters(String region, String targetGroup, UUID measureId) {
    }

    /**
     * One row. When {@code suppressed}, the counts that could single someone out are null: all of them below
     * {@code minimumCell} participants, else the included count and rate when either the included or the others
     * are fewer than {@code minimumCell}.
     */
    @Schema(name = "InclusionReportCell")
    public record Cell(@Schema(description = "null for the total") String region, Integer participants, Integer included,
                       @Schema(description = "included / participants, 3 decimals") Double rate,
                       @Schema(description = "rate in whole percent, as the field reports it") Integer ratePercent,
                       boolean suppressed) {
    }
}
