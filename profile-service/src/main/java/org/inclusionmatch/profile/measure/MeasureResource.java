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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

    public MeasureResource(MeasureService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Null for an ADMIN (any provider); a CASEWORKER's own organisation otherwise. */
    private UUID restrictedToProvider() {
        return caller.hasRole(Roles.ADMIN) ? null : caller.requireOrganisation();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Operation(operationId = "createMeasure", summary = "Add a support measure")
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
    @Operation(operationId = "listMeasures", summary = "List support measures, filtered and paged")
    public PageResult<MeasureView> list(@QueryParam("kind") @Parameter(description = "MENTORING, TRAINING, GRANT, ...") MeasureKind kind,
                                        @QueryParam("region") @Parameter(description = "Offered in this region, or remote") Region region,
                                        @QueryParam("programmeId") UUID programmeId,
                                        @QueryParam("providerId") UUID providerId,
                                        @QueryParam("need") @Parameter(description = "Covers this need, e.g. HOUSING") String need,
                                        @QueryParam("goal") @Parameter(description = "Serves this goal, e.g. START_BUSINESS") String goal,
                                        @QueryParam("remote") Boolean remote,
                                        @QueryParam("code") String code,
                                        @Valid @BeanParam PageParams page) {
        return service.list(new MeasureService.MeasureFilter(kind, region, programmeId, providerId, need, goal, remote, code),
                page);
    }

    @GET
    @Authenticated
    @Path("{id}")
    @Operation(operationId = "getMeasure", summary = "Read one measure")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasureView.class)))
    public RestResponse<MeasureView> get(@PathParam("id") UUID id) {
        MeasureView view = service.get(id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Path("{id}")
    @Operation(operationId = "updateMeasure", summary = "Replace a measure's fields")
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
    @Operation(operationId = "deleteMeasure", summary = "Delete a measure")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, Versions.requireIfMatch(ifMatch), restrictedToProvider());
        return Versions.noContent();
    }
}
