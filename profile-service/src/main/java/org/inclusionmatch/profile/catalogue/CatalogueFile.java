package org.inclusionmatch.profile.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.organisation.OrganisationRequest;
import org.inclusionmatch.profile.programme.ProgrammeQuota;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole catalogue in one document, as partners keep it: records refer to each other by {@code code}, not by id
 * (the format of deploy/local/demo/catalogue.json).
 */
@Schema(name = "CatalogueFile")
public record CatalogueFile(
        @Schema(description = "Free text about the file; not stored") String about,
        @Size(max = 10_000) List<@Valid OrganisationRequest> organisations,
        @Size(max = 10_000) List<ProgrammeEntry> programmes,
        @Size(max = 10_000) List<MeasureEntry> measures) {

    @Schema(name = "CatalogueProgramme")
    public record ProgrammeEntry(String code, String name,
                                 @Schema(description = "Operator's organisation code") String operator,
                                 @Schema(description = "Funder's organisation code") String funder,
                                 LocalDate startDate, LocalDate endDate, Integer capacity, List<Region> regions,
                                 String eligibility,
                                 @Schema(description = "Quotas for allocation rounds; absent keeps the quotas already stored "
                                         + "(set through the API), an empty list removes them")
                                 List<ProgrammeQuota> quotas) {
    }

    @Schema(name = "CatalogueMeasure")
    public record MeasureEntry(String code,
                               @Schema(description = "Programme code, if any") String programme,
                               @Schema(description = "Provider's organisation code") String provider,
                               MeasureKind kind, String title, List<String> needs, List<String> goals,
                               List<Region> regions, List<Role> audienceRoles, List<String> languages,
                               Boolean remote,
                               @Schema(description = "Given in a shared setting where participants meet (a group, a "
                                       + "shared residence); left out: true for HALFWAY_HOUSE and SUPPORT_GROUP (which "
                                       + "are always shared: false is refused), false for any other kind")
                               Boolean groupSetting,
                               Integer capacity, Integer seatsTaken,
                               LocalDate startDate, LocalDate endDate, String eligibility,
                               @Schema(description = "Days the provider has to answer a referral (1-90); left out: "
                                       + "the measure's current answer time (the deployment's default for a new one)",
                                       minimum = "1", maximum = "90", nullable = true)
                               Integer answerDays) {
    }
}
