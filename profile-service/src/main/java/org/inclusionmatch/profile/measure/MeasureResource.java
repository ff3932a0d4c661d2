package org.inclusionmatch.profile.measure;

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
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Region;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Measures")
public class MeasureResource {

    private final MeasureService service;
    private final Caller caller;
    private final CatalogueCache cache;

    public MeasureResource(MeasureService service, Caller caller, CatalogueCache cache) {
        this.service = service;
        this.caller = caller;
        this.cache = cache;
    }

    /** Null for an ADMIN (any provider); a CASEWORKER's own organisation otherwise. */
    private UUID restrictedToProvider() {
        return caller.hasRole(Roles.ADMIN) ? null : caller.requireOrganisation();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Operation(operationId = "createMeasure", summary = "Add a support measure",
            description = "Adds a measure to the catalogue with a unique code (409 when taken); its eligibility "
                    + "rule (CEL) is compiled on write, a bad rule being a 400 with the compiler's message. A "
                    + "CASEWORKER adds measures only as their own organisation's, and only to programmes it "
                    + "operates. Idempotency-Key makes a retry safe; 201 with Location and ETag. Roles: ADMIN, "
                    + "CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasureRequest.class), example = """
                {
                  "code": "RBCAFE-PLACEMENT",
                  "programmeId": "2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a",
                  "providerId": "3f2e1d0c-9b8a-4765-8432-10fedcba9876",
                  "kind": "WORK_PLACEMENT",
                  "title": "First job in a social enterprise cafe, as a step to the open labour market",
                  "needs": [
                    "FIRST_JOB",
                    "PROFESSIONAL_SKILLS"
                  ],
                  "goals": [
                    "OPEN_LABOUR_MARKET"
                  ],
                  "regions": [
                    "RIGA"
                  ],
                  "remote": false,
                  "audienceRoles": [
                    "PARTICIPANT"
                  ],
                  "languages": [
                    "lv",
                    "ru"
                  ],
                  "capacity": 4,
                  "seatsTaken": 2,
                  "startDate": "2026-01-05",
                  "endDate": "2027-06-30",
                  "answerDays": 10,
                  "eligibility": "person.age >= 18"
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    public RestResponse<MeasureView> create(@NotNull @Valid MeasureRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        MeasureView created = service.create(request, idempotencyKey, restrictedToProvider());
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @GET
    @Authenticated
    @Operation(operationId = "listMeasures", summary = "List support measures, filtered and paged",
            description = "The catalogue of support measures of every provider, ordered by code and paged (page "
                    + "from 0, size 1-100, total, Link headers). Filters combine: region also matches remote "
                    + "measures, need and goal match any of the measure's, code finds one. The ETag names the "
                    + "page's content: If-None-Match with it gives 304 while nothing on the page changed. No person "
                    + "data. Roles: any role.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.PAGE, headers = {@Header(name = "ETag", ref = "ETag")})
    public RestResponse<PageResult<MeasureView>> list(@QueryParam("kind") @Parameter(description = "MENTORING, TRAINING, GRANT, ...") MeasureKind kind,
                                        @QueryParam("region") @Parameter(description = "Offered in this region, or remote") Region region,
                                        @QueryParam("programmeId") UUID programmeId,
                                        @QueryParam("providerId") UUID providerId,
                                        @QueryParam("need") @Parameter(description = "Covers this need, e.g. HOUSING") String need,
                                        @QueryParam("goal") @Parameter(description = "Serves this goal, e.g. START_BUSINESS") String goal,
                                        @QueryParam("remote") Boolean remote,
                                        @QueryParam("code") String code,
                                        @Valid @BeanParam PageParams page) {
        var filter = new MeasureService.MeasureFilter(kind, region, programmeId, providerId, need, goal, remote, code);
        Cached<PageResult<MeasureView>> measures = cache.get(new ListKey(filter, page.page(), page.size()),
                () -> service.list(filter, page), page.size());
        return RestResponse.ResponseBuilder.ok(measures.value()).tag(measures.etag()).build();
    }

    private record ListKey(MeasureService.MeasureFilter filter, int page, int size) {
    }

    private record ReadKey(UUID id) {
    }

    @GET
    @Authenticated
    @Path("{id}")
    @Operation(operationId = "getMeasure", summary = "Read one measure",
            description = "One measure with its places (capacity, seatsTaken, waitlist), rule, audience and "
                    + "languages; its version is the ETag, and If-None-Match with it gives 304. No person data. "
                    + "Roles: any role.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    public RestResponse<MeasureView> get(@PathParam("id") UUID id) {
        MeasureView view = cache.get(new ReadKey(id), () -> service.get(id), 1).value();
        return Versions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Path("{id}")
    @Operation(operationId = "updateMeasure", summary = "Replace a measure's fields",
            description = "Replaces every field (a field left out is cleared, except groupSetting and answerDays, "
                    + "which keep their current value). If-Match with the ETag is required (428 without it, 412 "
                    + "when stale). A CASEWORKER updates only measures their organisation provides; raising the "
                    + "capacity promotes from the waitlist. Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasureRequest.class), example = """
                {
                  "code": "RBCAFE-PLACEMENT",
                  "programmeId": "2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a",
                  "providerId": "3f2e1d0c-9b8a-4765-8432-10fedcba9876",
                  "kind": "WORK_PLACEMENT",
                  "title": "First job in a social enterprise cafe, as a step to the open labour market",
                  "needs": [
                    "FIRST_JOB",
                    "PROFESSIONAL_SKILLS"
                  ],
                  "goals": [
                    "OPEN_LABOUR_MARKET"
                  ],
                  "regions": [
                    "RIGA"
                  ],
                  "remote": false,
                  "audienceRoles": [
                    "PARTICIPANT"
                  ],
                  "languages": [
                    "lv",
                    "ru"
                  ],
                  "capacity": 6,
                  "seatsTaken": 3,
                  "startDate": "2026-01-05",
                  "endDate": "2027-06-30",
                  "answerDays": 10,
                  "eligibility": "person.age >= 18"
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    public RestResponse<MeasureView> update(@PathParam("id") UUID id, @NotNull @Valid MeasureRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        MeasureView view = service.update(id, request, Versions.requireIfMatch(ifMatch), restrictedToProvider());
        return Versions.ok(view, view.version());
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Path("{id}")
    @Operation(operationId = "deleteMeasure", summary = "Delete a measure",
            description = "Removes a measure from the catalogue; If-Match with its ETag is required (428 without "
                    + "it, 412 when stale). A CASEWORKER deletes only measures their organisation provides. "
                    + "Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch), restrictedToProvider());
        return Versions.noContent();
    }
}
