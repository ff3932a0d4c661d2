package org.inclusionmatch.profile.safety;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/keep-apart")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Safety")
public class KeepApartResource {

    private final KeepApartService service;
    private final Caller caller;

    public KeepApartResource(KeepApartService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "KEEP_APART", pathIdIsPerson = false)
    @Operation(operationId = "recordKeepApart", summary = "Keep a person of your organisation apart from another person in residential and group measures",
            description = "Only your organisation sees the constraint. Referrals, promotions from waitlists, allocation rounds and "
                    + "recommendations of measures in a shared setting (groupSetting: always HALFWAY_HOUSE and SUPPORT_GROUP, and any "
                    + "other measure marked so) respect it; the other side only ever meets a "
                    + "neutral refusal (placement-restricted). Erasing either person removes it."
                    + " Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeepApartRequest.class), example = """
                {
                  "personId": "0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c",
                  "otherPersonId": "7a1c3e5b-9d2f-4b6a-8c0e-1f3a5b7c9d2e"
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeepApartView.class)))
    public RestResponse<KeepApartView> record(@NotNull @Valid KeepApartRequest request, UriInfo uri) {
        KeepApartView view = service.record(caller.requireOrganisation(), caller.subject(), request);
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "KEEP_APART", pathIdIsPerson = false)
    @Operation(operationId = "listKeepApart", summary = "Keep-apart constraints your organisation recorded",
            description = "The keep-apart constraints your organisation recorded, optionally only those naming one "
                    + "person (personId). Constraints recorded by another organisation are never listed, even "
                    + "when they name your person. Roles: ADMIN, CASEWORKER.")
    public KeepApartList list(@QueryParam("personId") UUID personId) {
        return new KeepApartList(service.list(caller.requireOrganisation(), personId));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "KEEP_APART", pathIdIsPerson = false)
    @Operation(operationId = "getKeepApart", summary = "Read a keep-apart constraint your organisation recorded",
            description = "One constraint your organisation recorded, with its ETag (send it as If-Match to lift "
                    + "it). Another organisation's constraint is a 404. Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeepApartView.class)))
    public RestResponse<KeepApartView> get(@PathParam("id") UUID id) {
        KeepApartView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.DELETE, resource = "KEEP_APART", pathIdIsPerson = false)
    @Operation(operationId = "deleteKeepApart", summary = "Lift a keep-apart constraint your organisation recorded",
            description = "Lifts a constraint your organisation recorded: from then on the two persons may hold "
                    + "places in the same shared measure. If-Match with its ETag is required (428 without it, "
                    + "412 when stale); another organisation's constraint is a 404. Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(caller.requireOrganisation(), id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }

    /** The constraints, each audited as an access to its own person. */
    public record KeepApartList(List<KeepApartView> items) implements org.inclusionmatch.profile.audit.ConcernsPersons {
    }
}
