package org.inclusionmatch.profile.organisation;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.Region;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private final OrganisationService service;

    public OrganisationResource(OrganisationService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createOrganisation", summary = "Register an organisation",
            description = "Registers an organisation with a unique code (409 when taken). Tokens name the caller's "
                    + "organisation by this id, so a new partner is registered here before its staff can work. "
                    + "Idempotency-Key makes a retry safe; 201 with Location and ETag. Roles: ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationRequest.class), example = """
                {
                  "code": "RBCAFE",
                  "name": "RB Cafe",
                  "kind": "WISE",
                  "region": "RIGA"
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public RestResponse<OrganisationView> create(@NotNull @Valid OrganisationRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        OrganisationView created = service.create(request, idempotencyKey);
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @GET
    @Authenticated
    @Operation(operationId = "listOrganisations", summary = "List organisations, filtered and paged",
            description = "Every registered organisation (WISEs, NGOs, municipalities, agencies, funders), paged "
                    + "(page from 0, size 1-100); filter by kind, region or code, the stable external key that "
                    + "finds one. No person data. Roles: any role.")
    public PageResult<OrganisationView> list(@QueryParam("kind") @Parameter(description = "WISE, NGO, MUNICIPALITY, ...") OrganisationKind kind,
                                             @QueryParam("region") Region region,
                                             @QueryParam("code") String code,
                                             @Valid @BeanParam PageParams page) {
        return service.list(kind, region, code, page);
    }

    @GET
    @Authenticated
    @Path("{id}")
    @Operation(operationId = "getOrganisation", summary = "Read one organisation",
            description = "One organisation; its version is the ETag, and If-None-Match with it gives 304. No "
                    + "person data. Roles: any role.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public RestResponse<OrganisationView> get(@PathParam("id") UUID id) {
        OrganisationView view = service.get(id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(operationId = "updateOrganisation", summary = "Replace an organisation's fields",
            description = "Replaces the organisation's code, name, kind and region. If-Match with its ETag is "
                    + "required (428 without it, 412 when stale); a code another organisation holds is a 409. "
                    + "Roles: ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationRequest.class), example = """
                {
                  "code": "RBCAFE",
                  "name": "RB Cafe, work-integration social enterprise",
                  "kind": "WISE",
                  "region": "RIGA"
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    public RestResponse<OrganisationView> update(@PathParam("id") UUID id, @NotNull @Valid OrganisationRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        OrganisationView view = service.update(id, request, Versions.requireIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(operationId = "deleteOrganisation", summary = "Delete an organisation that nothing refers to",
            description = "Deletes an organisation that no person, programme or measure refers to any more. "
                    + "If-Match with its ETag is required (428 without it, 412 when stale). Roles: ADMIN.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }
}
