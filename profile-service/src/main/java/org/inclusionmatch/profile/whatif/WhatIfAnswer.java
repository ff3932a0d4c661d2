package org.inclusionmatch.profile.whatif;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a draft programme would change for the persons the caller may count, matched by the engine on one day with
 * and without the drafts. Every count is protected as the inclusion report's are: cell-key noise of up to 2 keyed on
 * the persons counted, and a count of fewer than {@code minimumCell} (or whose complement in its row is) withheld.
 */
@Schema(name = "WhatIfAnswer")
public record WhatIfAnswer(
        LocalDate evaluationDay,
        @Schema(example = "engine-2.0.0") String engineVersion,
        @Schema(description = "The organisation whose persons were counted; null: the persons of every organisation (ADMIN)")
        UUID organisationId,
        @Schema(description = "Counts of fewer people than this are withheld") int minimumCell,
        @Schema(description = "How the figures are protected: CELL_KEY_PERTURBATION (counts may differ from the exact count by up to 2)")
        String disclosureControl,
        @Schema(description = "The draft measures' codes and the ids they were given for this answer only")
        List<DraftMeasure> draftMeasures,
        Cell total,
        @Schema(description = "One row per region, every region in a fixed order whether anyone is counted in it or not")
        List<Cell> byRegion,
        @Schema(description = "One row per target group of the fixed list in a fixed order, whether anyone is counted in it or "
                + "not, and OTHER for every other code; a person in several groups counts in each") List<Cell> byTargetGroup,
        @Schema(description = "Stored measures that would leave persons' top three most, at most 10, most first; "
                + "measures that fewer than minimumCell persons would lose are left out")
        List<Displaced> displaced) {

    public static final String DISCLOSURE_CONTROL = "CELL_KEY_PERTURBATION";

    @Schema(name = "WhatIfDraftMeasure")
    public record DraftMeasure(String code, UUID id) {
    }

    /**
     * One row: the persons counted, those eligible for at least one draft measure (every hard constraint passes) and
     * those with a draft measure among their top three recommendations. A withheld figure is null and the row is
     * marked suppressed.
     */
    @Schema(name = "WhatIfCell")
    public record Cell(@Schema(description = "The row's region; null for the total and target-group rows") String region,
                       @Schema(description = "The row's target group; null for the total and region rows") String targetGroup,
                       @Schema(description = "perturbed; null when suppressed") Integer persons,
                       @Schema(description = "perturbed; null when suppressed") Integer eligible,
                       @Schema(description = "perturbed; null when suppressed") Integer topThree,
                       boolean suppressed) {
    }

    @Schema(name = "WhatIfDisplaced")
    public record Displaced(UUID measureId, String measureCode,
                            @Schema(description = "Persons who would no longer have it in their top three; perturbed") int persons) {
    }
}
