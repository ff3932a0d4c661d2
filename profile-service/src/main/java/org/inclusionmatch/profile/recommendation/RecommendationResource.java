package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/persons/{id}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    private final RecommendationService service;
    private final Caller caller;
    private final ObjectMapper json;

    public RecommendationResource(RecommendationService service, Caller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "RECOMMENDATIONS")
    @Operation(operationId = "getRecommendations", summary = "The person's current recommendations, with reasons",
            description = "Each recommendation and each measure left out (whyNot) carries the measure's title, kind, "
                    + "provider, programme and places as they are now, so one call renders the lists. The ETag "
                    + "changes when anything shown changes, a measure's places included. status tells lists not "
                    + "computed yet (PENDING) from lists with nothing in them (COMPUTED): while a result is awaited "
                    + "(PENDING, OUTDATED) the answer carries Retry-After; a consumer of inclusion.recommendations.v1 "
                    + "can wait for RECOMMENDATIONS_UPDATED with the person's id as subject instead.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Retry-After", description = "Only while status is PENDING or OUTDATED: seconds "
                            + "after which a new result is likely stored", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationsView.class)))
    public RestResponse<RecommendationsView> get(@PathParam("id") UUID personId) {
        return RecommendationTags.ok(json, service.get(caller.requireOrganisation(), personId));
    }

    @PUT
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "RECOMMENDATIONS")
    @Operation(operationId = "putRecommendations", summary = "Store recommendations computed by the matching worker",
            description = "Refused with 409 when computed from another profile version than the current one. "
                    + "Storing the same list again changes nothing.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationsView.class)))
    public RestResponse<RecommendationsView> put(@PathParam("id") UUID personId, @NotNull @Valid RecommendationsRequest request) {
        return RecommendationTags.ok(json, service.store(personId, request).view());
    }
}
