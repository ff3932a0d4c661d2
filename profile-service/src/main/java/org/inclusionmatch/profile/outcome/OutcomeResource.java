package org.inclusionmatch.profile.outcome;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes")
public class OutcomeResource {

    private static final String OUTCOME_422 = "date-in-future: periodEnd, outcomeDate or followUpDate is after today (each "
            + "such field in violations); not-a-participant: the person holds no place in the programme and your organisation "
            + "does not operate it";

    private final OutcomeService service;
    private final Caller caller;

    public OutcomeResource(OutcomeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "OUTCOME", pathIdIsPerson = false)
    @Operation(operationId = "recordOutcome", summary = "Record where a participant stood at the end of a programme period",
            description = "Once it has happened: a periodEnd, outcomeDate or followUpDate after today is refused (422 date-in-future)."
                    + " The referrer records it for its own person; it feeds the inclusion report and the "
                    + "matching engine's evidence. Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutcomeRequest.class), example = """
                {
                  "personId": "0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",
                  "programmeId": "2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a",
                  "periodStart": "2026-06-01",
                  "periodEnd": "2026-11-30",
                  "status": "EMPLOYED",
                  "outcomeDate": "2026-11-30"
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "422", description = OUTCOME_422)
    public RestResponse<OutcomeView> create(@NotNull @Valid OutcomeRequest request, UriInfo uri) {
        OutcomeView view = service.create(caller.requireOrganisation(), request);
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "OUTCOME", pathIdIsPerson = false)
    @Operation(operationId = "listOutcomes", summary = "Outcomes of your organisation's persons",
            description = "Outcomes of your organisation's persons, paged (page from 0, size 1-100), filtered by "
                    + "personId or programmeId. Another organisation's are never listed; each returned person "
                    + "is a read in the audit log. Roles: ADMIN, CASEWORKER, PARTNER.")
    public PageResult<OutcomeView> list(@QueryParam("personId") UUID personId, @QueryParam("programmeId") UUID programmeId,
                                        @Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), personId, programmeId, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "OUTCOME", pathIdIsPerson = false)
    @Operation(operationId = "getOutcome", summary = "Read one outcome",
            description = "One outcome of your organisation's person, with its ETag (send it as If-Match to correct "
                    + "it); another organisation's is a 404. Recorded in the audit log. Roles: ADMIN, "
                    + "CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    public RestResponse<OutcomeView> get(@PathParam("id") UUID id) {
        OutcomeView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "OUTCOME", pathIdIsPerson = false)
    @Operation(operationId = "updateOutcome", summary = "Correct an outcome or add its 6-month follow-up",
            description = "Add the follow-up once it has taken place: a periodEnd, outcomeDate or followUpDate after today is "
                    + "refused (422 date-in-future)."
                    + " If-Match with the outcome's ETag is required (428 without it, 412 when stale). Roles: "
                    + "ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OutcomeRequest.class), example = """
                {
                  "personId": "7a1c3e5b-9d2f-4b6a-8c0e-1f3a5b7c9d2e",
                  "programmeId": "2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a",
                  "periodStart": "2025-09-01",
                  "periodEnd": "2026-02-28",
                  "status": "EMPLOYED",
                  "outcomeDate": "2026-02-27",
                  "followUpDate": "2026-08-31",
                  "followUpStatus": "EMPLOYED"
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "422", description = OUTCOME_422)
    public RestResponse<OutcomeView> update(@PathParam("id") UUID id, @NotNull @Valid OutcomeRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        OutcomeView view = service.update(caller.requireOrganisation(), id, request, Versions.requireIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }
}
