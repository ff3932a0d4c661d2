package org.inclusionmatch.profile.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.common.JsonInputRules;
import org.inclusionmatch.profile.common.EnumParam;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.Region;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/v1/reports/inclusion")
@Tag(name = "Reports")
public class InclusionReportResource {

    static final String CSV = "text/csv";

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
                    + "months. JSON, or CSV with Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InclusionReport.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "programme,from,to,region,participants,included,rate_percent,suppressed\n"
                            + "MOTIV-PIERIGA,2022-03-01,2022-08-31,PIERIGA,57,34,60,false\n")})
    public Response report(@QueryParam("programmeId") UUID programmeId,
                           @QueryParam("from") @Parameter(description = "Period start, the first day of a month, YYYY-MM-DD", example = "2022-03-01") String from,
                           @QueryParam("to") @Parameter(description = "Period end, the last day of a month, YYYY-MM-DD", example = "2022-08-31") String to,
                           @QueryParam("region") String region,
                           @QueryParam("targetGroup") String targetGroup,
                           @QueryParam("measureId") UUID measureId,
                           @QueryParam("format") @Parameter(description = "json (default) or csv") String format,
                           @HeaderParam("Accept") String accept) {
        if (programmeId == null) {
            throw ApiException.invalidField("programmeId", "is required");
        }
        Region regionFilter = EnumParam.parse(Region.class, region, "region");
        if (targetGroup != null && !TARGET_GROUP.matcher(targetGroup).matches()) {
            throw ApiException.invalidField("targetGroup", "must be a target-group code such as OVER_50");
        }
        InclusionReport report = service.report(programmeId, date(from, "from"), date(to, "to"),
                regionFilter == null ? null : regionFilter.name(), targetGroup, measureId);
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(CSV));
        return csv ? Response.ok(toCsv(report), CSV + "; charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static LocalDate date(String value, String parameter) {
        LocalDate date;
        try {
            date = value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(parameter, "must be a date such as 2022-03-01");
        }
        if (!JsonInputRules.inRange(date)) { // the same years as in bodies: what PostgreSQL can compare
            throw ApiException.invalidField(parameter, JsonInputRules.DATE_RANGE);
        }
        return date;
    }

    static String toCsv(InclusionReport report) {
        StringBuilder csv = new StringBuilder("programme,from,to,region,participants,included,rate_percent,suppressed\n");
        for (InclusionReport.Cell cell : report.byRegion()) {
            row(csv, report, cell);
        }
        row(csv, report, report.total());
        return csv.toString();
    }

    private static void row(StringBuilder csv, InclusionReport report, InclusionReport.Cell cell) {
        csv.append(report.programmeCode()).append(',').append(report.from()).append(',').append(report.to()).append(',')
                .append(cell.region() == null ? "TOTAL" : cell.region()).append(',')
                .append(value(cell.participants())).append(',').append(value(cell.included())).append(',')
                .append(value(cell.ratePercent())).append(',').append(cell.suppressed()).append('\n');
    }

    private static String value(Integer n) {
        return n == null ? "" : n.toString();
    }
}
