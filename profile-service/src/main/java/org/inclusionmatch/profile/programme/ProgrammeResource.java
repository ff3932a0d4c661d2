package org.inclusionmatch.profile.programme;

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
import org.inclusionmatch.profile.common.cache.CatalogueCache;
import org.inclusionmatch.profile.common.cache.CatalogueCache.Cached;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.Region;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
public class ProgrammeResource {

    private final ProgrammeService service;
    private final CatalogueCache cache;

    public ProgrammeResource(ProgrammeService service, CatalogueCache cache) {
        this.service = service;
        this.cache = cache;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createProgramme", summary = "Create a programme",
            description = "Creates a programme with a unique code (409 when taken); its eligibility rule (CEL) is "
                    + "compiled on write, a bad rule being a 400 with the compiler's message. Optional quotas "
                    + "per region or target group steer allocation rounds. Idempotency-Key makes a retry safe; "
                    + "201 with Location and ETag. Roles: ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeRequest.class), example = """
                {
                  "code": "MOTIV-PIERIGA-2026",
                  "name": "Motivation and support programme, Pieriga",
                  "operatorId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                  "funderId": "6b5a4938-2716-4f5e-9d8c-7b6a59483726",
                  "startDate": "2026-09-01",
                  "endDate": "2027-02-28",
                  "capacity": 60,
                  "regions": [
                    "RIGA",
                    "PIERIGA"
                  ],
                  "eligibility": "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['AFTER_CHILDCARE_LEAVE','SINGLE_PARENT','OVER_50','CARER'])",
                  "quotas": [
                    {
                      "dimension": "TARGET_GROUP",
                      "value": "OVER_50",
                      "minPlaces": 10,
                      "maxPlaces": 30
                    }
                  ]
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    public RestResponse<ProgrammeView> create(@NotNull @Valid ProgrammeRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        ProgrammeView created = service.create(request, idempotencyKey);
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @GET
    @Authenticated
    @Operation(operationId = "listProgrammes", summary = "List programmes, filtered and paged",
            description = "The funded programmes of every operator, paged (page from 0, size 1-100); filter by "
                    + "code, operatorId or region. The ETag names the page's content: If-None-Match with it gives "
                    + "304 while nothing on the page changed. No person data. Roles: any role.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.PAGE, headers = {@Header(name = "ETag", ref = "ETag")})
    public RestResponse<PageResult<ProgrammeView>> list(@QueryParam("region") @Parameter(description = "Programmes open in this region") Region region,
                                          @QueryParam("operatorId") UUID operatorId,
                                          @QueryParam("code") String code,
                                          @Valid @BeanParam PageParams page) {
        Cached<PageResult<ProgrammeView>> programmes = cache.get(new ListKey(region, operatorId, code, page.page(), page.size()),
                () -> service.list(region, operatorId, code, page), page.size());
        return RestResponse.ResponseBuilder.ok(programmes.value()).tag(programmes.etag()).build();
    }

    private record ListKey(Region region, UUID operatorId, String code, int page, int size) {
    }

    private record ReadKey(UUID id) {
    }

    @GET
    @Authenticated
    @Path("{id}")
    @Operation(operationId = "getProgramme", summary = "Read one programme",
            description = "One programme with its period, capacity, regions, eligibility rule and quotas; its "
                    + "version is the ETag, and If-None-Match with it gives 304. No person data. Roles: any "
                    + "role.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    public RestResponse<ProgrammeView> get(@PathParam("id") UUID id) {
        ProgrammeView view = cache.get(new ReadKey(id), () -> service.get(id), 1).value();
        return Versions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(operationId = "updateProgramme", summary = "Replace a programme's fields",
            description = "Replaces the programme's fields. If-Match with the ETag is required (428 without it, 412 "
                    + "when stale). The persons a change can affect are matched again. Roles: ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeRequest.class), example = """
                {
                  "code": "MOTIV-PIERIGA-2026",
                  "name": "Motivation and support programme, Pieriga",
                  "operatorId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                  "funderId": "6b5a4938-2716-4f5e-9d8c-7b6a59483726",
                  "startDate": "2026-09-01",
                  "endDate": "2027-06-30",
                  "capacity": 70,
                  "regions": [
                    "RIGA",
                    "PIERIGA"
                  ],
                  "eligibility": "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['AFTER_CHILDCARE_LEAVE','SINGLE_PARENT','OVER_50','CARER'])",
                  "quotas": [
                    {
                      "dimension": "TARGET_GROUP",
                      "value": "OVER_50",
                      "minPlaces": 10,
                      "maxPlaces": 30
                    }
                  ]
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeView.class)))
    public RestResponse<ProgrammeView> update(@PathParam("id") UUID id, @NotNull @Valid ProgrammeRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        ProgrammeView view = service.update(id, request, Versions.requireIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(operationId = "deleteProgramme", summary = "Delete a programme that no measure refers to",
            description = "Deletes a programme once no measure belongs to it. If-Match with its ETag is required "
                    + "(428 without it, 412 when stale). Roles: ADMIN.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }
}
