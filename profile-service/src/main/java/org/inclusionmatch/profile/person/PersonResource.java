package org.inclusionmatch.profile.person;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.ApiResponsesDoc;
import org.inclusionmatch.profile.common.IdempotencyKeys;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.Versions;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.util.UUID;

import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.CREATE;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.DELETE;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.LIST;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.READ;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.UPDATE;

/** Person profiles of the caller's organisation. Every call is audited, allowed or not. */
@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class PersonResource {

    private final PersonService service;
    private final Caller caller;

    public PersonResource(PersonService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = CREATE)
    @Operation(operationId = "createPerson", summary = "Create a person profile in your organisation")
    public Response create(@NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        PersonView created = service.create(caller.requireOrganisation(), request, idempotencyKey);
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = LIST)
    @Operation(operationId = "listPersons", summary = "List your organisation's person profiles, filtered and paged")
    public PageResult<PersonView> list(@QueryParam("organisationId") @Parameter(description = "Only ever narrows to your own organisation") UUID organisationId,
                                       @QueryParam("role") @Parameter(description = "PARTICIPANT, SUPPORT_PERSON or FACILITATOR") Role role,
                                       @QueryParam("archetype") Archetype archetype,
                                       @QueryParam("region") Region region,
                                       @QueryParam("targetGroup") @Parameter(description = "e.g. OVER_50") String targetGroup,
                                       @QueryParam("need") @Parameter(description = "e.g. HOUSING") String need,
                                       @Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), new PersonService.PersonFilter(organisationId,
                role, archetype, region, targetGroup, need), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = READ)
    @Operation(operationId = "getPerson", summary = "Read one person profile")
    public Response get(@PathParam("id") UUID id) {
        PersonView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = UPDATE)
    @Operation(operationId = "updatePerson", summary = "Replace a person profile")
    public Response update(@PathParam("id") UUID id, @NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        PersonView view = service.update(caller.requireOrganisation(), id, request, ifMatch);
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = DELETE)
    @Operation(operationId = "erasePerson", summary = "Erase a person and everything derived from them",
            description = "GDPR erasure: the profile, recommendations and other derived data are deleted and a deletion "
                    + "event is published. Only the audit trail (ids and operations, no personal data) remains.")
    public Response delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        service.delete(caller.requireOrganisation(), id, ifMatch);
        return Response.noContent().build();
    }
}
