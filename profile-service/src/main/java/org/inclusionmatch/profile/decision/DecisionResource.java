package org.inclusionmatch.profile.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/persons/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class DecisionResource {

    private final DecisionService service;
    private final Caller caller;

    public DecisionResource(DecisionService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "DECISION")
    @Operation(operationId = "decideOnRecommendation",
            summary = "Accept a recommendation (refers the person), decline it with a reason, or override it with another measure",
            description = "The answer holds the enrolment an ACCEPT or OVERRIDE created; the decision itself, at Location, "
                    + "never changes (its ETag is always \"0\")."
                    + " DECLINE and OVERRIDE need a reasonCode (e.g. TOO_FAR, BETTER_FIT). Roles: ADMIN, "
                    + "CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class), example = """
                {
                  "measureId": "4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a",
                  "decision": "DECLINE",
                  "reasonCode": "TOO_FAR",
                  "note": "Travelling from Tukums to Rīga every day is not possible for him before spring."
                }
                """))
    @APIResponse(responseCode = "201", description = "The decision, as recorded: its URL in Location",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public RestResponse<DecisionView> decide(@PathParam("id") UUID personId, @NotNull @Valid DecisionRequest request,
                                             UriInfo uri) {
        DecisionView view = service.decide(caller.requireOrganisation(), personId, request, caller.subject());
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, DecisionView.VERSION);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "DECISION")
    @Operation(operationId = "listDecisions", summary = "The decisions taken on a person's recommendations, with reasons, oldest first",
            description = "The case workers' decisions on the person's recommendations (ACCEPT, DECLINE, OVERRIDE) "
                    + "with their reasons and notes, oldest first, paged. Only for a person of your "
                    + "organisation (else 404); recorded in the audit log. Roles: ADMIN, CASEWORKER, PARTNER.")
    public PageResult<DecisionView> list(@PathParam("id") UUID personId, @Valid @BeanParam PageParams page) {
        return service.page(caller.requireOrganisation(), personId, page);
    }

    @GET
    @Path("{decisionId}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "DECISION")
    @Operation(operationId = "getDecision", summary = "Read one decision taken on the person's recommendations",
            description = "A decision is never changed: its ETag is always \"0\". The enrolment it created is at "
                    + "GET /enrolments/{enrolmentId}."
                    + " Roles: ADMIN, CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = "The decision (enrolment null: see enrolmentId), with ETag \"0\" "
            + "(send it as If-None-Match for a 304)",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public RestResponse<DecisionView> get(@PathParam("id") UUID personId, @PathParam("decisionId") UUID decisionId) {
        return Versions.ok(service.get(caller.requireOrganisation(), personId, decisionId), DecisionView.VERSION);
    }
}
