package org.inclusionmatch.profile.person;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.common.ApiResponsesDoc;
import org.inclusionmatch.profile.common.EnumParam;
import org.inclusionmatch.profile.common.IdempotencyKeys;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.Versions;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.util.UUID;

@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class PersonResource {

    private final PersonService service;

    public PersonResource(PersonService service) {
        this.service = service;
    }

    @POST
    @Operation(operationId = "createPerson", summary = "Create a person profile")
    public Response create(@NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        PersonView created = service.create(request, idempotencyKey);
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @GET
    @Operation(operationId = "listPersons", summary = "List person profiles, filtered and paged")
    public PageResult<PersonView> list(@QueryParam("organisationId") UUID organisationId,
                                       @QueryParam("role") @Parameter(description = "PARTICIPANT, SUPPORT_PERSON or FACILITATOR") String role,
                                       @QueryParam("archetype") String archetype,
                                       @QueryParam("region") String region,
                                       @QueryParam("targetGroup") @Parameter(description = "e.g. OVER_50") String targetGroup,
                                       @QueryParam("need") @Parameter(description = "e.g. HOUSING") String need,
                                       @Valid @BeanParam PageParams page) {
        return service.list(new PersonService.PersonFilter(organisationId, EnumParam.parse(Role.class, role, "role"),
                EnumParam.parse(Archetype.class, archetype, "archetype"), EnumParam.parse(Region.class, region, "region"),
                targetGroup, need), page);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPerson", summary = "Read one person profile")
    public Response get(@PathParam("id") UUID id) {
        PersonView view = service.get(id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updatePerson", summary = "Replace a person profile")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        PersonView view = service.update(id, request, ifMatch);
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deletePerson", summary = "Delete a person profile")
    public Response delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
