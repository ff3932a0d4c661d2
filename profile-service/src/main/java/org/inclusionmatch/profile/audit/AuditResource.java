package org.inclusionmatch.profile.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Roles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listAuditEntries", summary = "Who accessed person data, newest first",
            description = "personId finds every access to that person's data: reads and writes of the person, and every "
                    + "list, matching view, enrolment, outcome, decision or export that returned their data, and every write whose "
                    + "body named them, allowed or refused."
                    + " Paged (page from 0, size 1-100), filtered by personId, subject (the caller) and a "
                    + "from/to period. The audit log is append-only and holds ids and operations, no profile "
                    + "fields. Roles: AUDITOR.")
    public PageResult<AuditView> list(@QueryParam("personId") UUID personId,
                                      @QueryParam("subject") String subject,
                                      @QueryParam("from") @Parameter(description = "ISO instant, inclusive") Instant from,
                                      @QueryParam("to") @Parameter(description = "ISO instant, exclusive") Instant to,
                                      @Valid @BeanParam PageParams page) {
        return trail.list(personId, subject, from, to, page);
    }

    @Schema(name = "AuditEntry")
    public record AuditView(long id, Instant at, String subject, String roles, UUID organisationId, String operation,
                            String resourceType, UUID resourceId,
                            @Schema(description = "Every person whose data the access touched or asked for") List<UUID> personIds,
                            String outcome, int httpStatus) {
        public static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.at, e.subject, e.roles, e.organisationId, e.operation, e.resourceType,
                    e.resourceId, e.personIds == null ? List.of() : e.personIds, e.outcome, e.httpStatus);
        }
    }
}
