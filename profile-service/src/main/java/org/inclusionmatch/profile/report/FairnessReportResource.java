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
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/reports/fairness")
@Tag(name = "Reports")
public class FairnessReportResource {

    private final FairnessReportService service;
    private final Caller caller;

    public FairnessReportResource(FairnessReportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Answers the report itself, not a RestResponse: the CSV writer is chosen by the method's declared type. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, InclusionReportResource.CSV})
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER, Roles.AUDITOR})
    @Operation(operationId = "fairnessReport",
            summary = "Fairness monitor: rates from recommendation to inclusion per target group, gender, age band and region, "
                    + "against the overall rate and the best-served group (four-fifths rule)",
            description = "Stages, each rate's denominator being the stage before: RECOMMENDED = recommended one of the "
                    + "programme's measures / persons matched in the period in its regions; REFERRED = referred to one of its "
                    + "measures / recommended; ACCEPTED = accepted by the provider / referred; ENROLLED = enrolled / accepted; "
                    + "INCLUDED = in work or education at the end of a programme period inside the report's period / enrolled. "
                    + "Per dimension each group's rate, its ratio to the best-served group's rate and belowFourFifths when the "
                    + "ratio is under 0.8. Protected like the inclusion report: counts perturbed by up to 2 by the cell-key "
                    + "method keyed on the persons counted, cells under 5 suppressed, and a suppressed cell has no rate, ratio "
                    + "or flag. Periods are whole calendar months. ADMIN and AUDITOR see every programme; CASEWORKER and PARTNER "
                    + "the programmes their organisation operates or funds. JSON, or CSV with Accept: text/csv or format=csv."
                    + " Roles: ADMIN, CASEWORKER, PARTNER, AUDITOR.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FairnessReport.class)),
            @Content(mediaType = CsvReport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = FairnessReportCsv.HEADER
                            + "MOTIV-PIERIGA,2026-01-01,2026-06-30,RECOMMENDED,OVERALL,,120,66,0.55,,,false\n"
                            + "MOTIV-PIERIGA,2026-01-01,2026-06-30,RECOMMENDED,GENDER,FEMALE,61,40,0.656,1.0,false,false\n"
                            + "MOTIV-PIERIGA,2026-01-01,2026-06-30,RECOMMENDED,GENDER,MALE,57,25,0.439,0.669,true,false\n"
                            + "MOTIV-PIERIGA,2026-01-01,2026-06-30,RECOMMENDED,GENDER,OTHER,,,,,,true\n")})
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "json (default) or csv, in place of the Accept header",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"}))
    public FairnessReport report(
            @QueryParam("programmeId") @Parameter(required = true) UUID programmeId,
            @QueryParam("from") @Parameter(required = true, description = "Period start, the first day of a month, YYYY-MM-DD", example = "2026-01-01") LocalDate from,
            @QueryParam("to") @Parameter(required = true, description = "Period end, the last day of a month, YYYY-MM-DD", example = "2026-06-30") LocalDate to) {
        if (programmeId == null) {
            throw InvalidInput.field("programmeId", "is required");
        }
        boolean anyProgramme = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AUDITOR);
        return service.report(programmeId, from, to, caller.organisation(), anyProgramme);
    }
}
