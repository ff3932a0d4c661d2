package org.inclusionmatch.profile.gdpr;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;

import java.util.UUID;

import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.EXPORT;

/** A person's GDPR access request: everything held about them, in one document. */
@Path("/api/v1/persons/{id}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class PersonExportResource {

    private final PersonExports exports;
    private final Caller caller;

    public PersonExportResource(PersonExports exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = EXPORT)
    @Operation(operationId = "exportPerson", summary = "Everything held about a person (GDPR access request)",
            description = "The profile, recommendations, decisions (with notes), enrolments, outcomes (with the region and "
                    + "target groups copied into them) and every recorded access to the person's data."
                    + " Only for a person of your organisation (else 404); the export itself is recorded in the "
                    + "audit log. Roles: ADMIN, CASEWORKER.")
    public PersonExport export(@PathParam("id") UUID id) {
        return exports.export(caller.requireOrganisation(), id);
    }
}
