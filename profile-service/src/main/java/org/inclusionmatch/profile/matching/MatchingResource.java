package org.inclusionmatch.profile.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.inclusionmatch.profile.common.paging.PageLinks;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads for the matching worker's service identity. */
@Path("/api/v1/matching/persons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matching")
public class MatchingResource {

    private final MatchingService service;

    public MatchingResource(MatchingService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "MATCHING_VIEW")
    @Operation(operationId = "getMatchingView", summary = "A person's matching view",
            description = "What the matching engine needs of one person: the profile fields matching uses with "
                    + "their version, the measures never to recommend now (enrolled, declined, restricted) and "
                    + "the programmes the person holds a place in. Each view served is a read of the person in "
                    + "the audit log. Roles: MATCHER.")
    public MatchingView view(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @GET
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "MATCHING_VIEW")
    @Operation(operationId = "listAffectedPersons",
            summary = "Persons a change of a measure or programme can affect, keyset-paged by id",
            description = "For the matching worker's re-match after a catalogue change: the matching views of the "
                    + "persons that a change of the measure (measureId) or programme (programmeId) can affect, "
                    + "in id order. Keyset-paged: follow Link rel=next (or next in the body) until there is "
                    + "none; a page is cheap however deep. Roles: MATCHER.")
    @APIResponse(responseCode = "200", description = "A page of matching views; Link rel=next (and next in the body) names the following page",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatchingPage.class)))
    public RestResponse<MatchingPage> affected(@QueryParam("measureId") UUID measureId,
                                 @QueryParam("programmeId") UUID programmeId,
                                 @QueryParam("after") @Parameter(description = "The next value of the previous page") UUID after,
                                 @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size,
                                 UriInfo uri) {
        if ((measureId == null) == (programmeId == null)) {
            throw new InvalidRequest("Give exactly one of measureId and programmeId");
        }
        List<UUID> measures = measureId != null ? List.of(measureId) : service.measuresOfProgramme(programmeId);
        MatchingPage page = service.affectedBy(measures, after, size);
        RestResponse.ResponseBuilder<MatchingPage> response = RestResponse.ResponseBuilder.ok(page);
        if (page.next() != null) {
            response.header(PageLinks.HEADER, PageLinks.keysetNext(uri.getRequestUri(), "after", page.next()));
        }
        return response.build();
    }

    /** A POST because 500 ids do not fit a request line; it reads and changes nothing. */
    @POST
    @Path("views")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "MATCHING_VIEW", pathIdIsPerson = false)
    @Operation(operationId = "getMatchingViews", summary = "The matching views of many persons at once",
            description = "For the matching worker's first matching of a batch of person events: up to 500 ids, each at "
                    + "most once, answered in one request, in the order asked. A person who does not exist or has "
                    + "withdrawn from matching is left out (the worker skips them), as getMatchingView answers 404 for them. "
                    + "Each view read is recorded in the audit log. Roles: MATCHER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MatchingViewsRequest.class), example = """
                {
                  "ids": [
                    "0b6f3c2a-5d4e-4f8a-9b1c-2d3e4f5a6b7c",
                    "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"
                  ]
                }"""))
    public MatchingViews views(@NotNull @Valid MatchingViewsRequest request) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < request.ids().size(); i++) {
            if (!seen.add(request.ids().get(i))) {
                throw InvalidInput.field("ids[" + i + "]", "the person is already in the batch");
            }
        }
        return new MatchingViews(service.views(request.ids()));
    }
}
