package org.inclusionmatch.profile.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.Region;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/v1/reports/inclusion")
@Tag(name = "Reports")
public class InclusionReportResource {

    /** CSV by {@link InclusionReportCsv}; the charset as the report has always been sent. */
    static final String CSV = InclusionReportCsv.MEDIA_TYPE + "; charset=UTF-8";

    private static final Pattern TARGET_GROUP = Pattern.compile(Codes.TAG);

    private final InclusionReportService service;

    public InclusionReportResource(InclusionReportService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER, Roles.AUDITOR})
    @Operation(operationId = "inclusionReport",
            summary = "Participants and inclusion in employment or education, for a programme and period, per region and in total",
            description = "Aggregates only, protected by the cell-key method: every count is perturbed by up to 2 (the same "
                    + "people always get the same noise), and cells under 5 people are suppressed. Periods are whole calendar "
                    + "months. JSON, or CSV with Accept: text/csv or format=csv."
                    + " Roles: ADMIN, CASEWORKER, PARTNER, AUDITOR.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InclusionReport.class)),
            @Content(mediaType = InclusionReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = InclusionReportCsv.HEADER
                            + "MOTIV-PIERIGA,2022-03-01,2022-08-31,PIERIGA,57,34,60,false\n")})
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "json (default) or csv, in place of the Accept header",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}))
    public InclusionReport report(@QueryParam("programmeId") @Parameter(required = true) UUID programmeId,
                                  @QueryParam("from") @Parameter(required = true, description = "Period start, the first day of a month, YYYY-MM-DD", example = "2022-03-01") LocalDate from,
                                  @QueryParam("to") @Parameter(required = true, description = "Period end, the last day of a month, YYYY-MM-DD", example = "2022-08-31") LocalDate to,
                                  @QueryParam("region") Region region,
                                  @QueryParam("targetGroup") String targetGroup,
                                  @QueryParam("measureId") UUID measureId) {
        if (programmeId == null) {
            throw InvalidInput.field("programmeId", "is required");
        }
        if (targetGroup != null && !TARGET_GROUP.matcher(targetGroup).matches()) {
            throw InvalidInput.field("targetGroup", "must be a target-group code such as OVER_50");
        }
        return service.report(programmeId, from, to, region == null ? null : region.name(), targetGroup, measureId);
    }
}
