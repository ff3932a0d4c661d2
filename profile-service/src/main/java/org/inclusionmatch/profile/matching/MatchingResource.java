package org.inclusionmatch.profile.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.security.Roles;

import java.util.List;
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
    @Operation(operationId = "getMatchingView", summary = "A person's matching view")
    public MatchingView view(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @GET
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "MATCHING_VIEW")
    @Operation(operationId = "listAffectedPersons",
            summary = "Persons a change of a measure or programme can affect, keyset-paged by id")
    public MatchingPage affected(@QueryParam("measureId") UUID measureId,
                                 @QueryParam("programmeId") UUID programmeId,
                                 @QueryParam("after") @Parameter(description = "The next value of the previous page") UUID after,
                                 @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        if ((measureId == null) == (programmeId == null)) {
            throw new InvalidRequest("Give exactly one of measureId and programmeId");
        }
        List<UUID> measures = measureId != null ? List.of(measureId) : service.measuresOfProgramme(programmeId);
        return service.affectedBy(measures, after, size);
    }
}
