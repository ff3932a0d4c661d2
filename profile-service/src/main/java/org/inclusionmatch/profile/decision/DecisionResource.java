package org.inclusionmatch.profile.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.ApiResponsesDoc;
import org.inclusionmatch.profile.common.Versions;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
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
            summary = "Accept a recommendation (refers the person), decline it with a reason, or override it with another measure")
    @APIResponse(responseCode = "201", description = "The decision, as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionView.class)))
    public RestResponse<DecisionView> decide(@PathParam("id") UUID personId, @NotNull @Valid DecisionRequest request) {
        DecisionView view = service.decide(caller.requireOrganisation(), personId, request, caller.subject());
        return RestResponse.status(RestResponse.Status.CREATED, view);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "DECISION")
    @Operation(operationId = "listDecisions", summary = "The decisions taken on a person's recommendations, with reasons")
    public List<DecisionView> list(@PathParam("id") UUID personId) {
        return service.list(caller.requireOrganisation(), personId);
    }
}
