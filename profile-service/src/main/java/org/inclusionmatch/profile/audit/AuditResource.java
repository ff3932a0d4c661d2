package org.inclusionmatch.profile.audit;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.QueryFilter;
import org.inclusionmatch.profile.security.Roles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listAuditEntries", summary = "Who accessed person data, newest first",
            description = "personId finds every access to that person's data: reads and writes of the person, and every "
                    + "list, matching view, enrolment, outcome, decision or export that returned their data.")
    public PageResult<AuditView> list(@QueryParam("personId") UUID personId,
                                      @QueryParam("subject") String subject,
                                      @QueryParam("from") @Parameter(description = "ISO instant, inclusive") String from,
                                      @QueryParam("to") @Parameter(description = "ISO instant, exclusive") String to,
                                      @Valid @BeanParam PageParams page) {
        QueryFilter filter = new QueryFilter().equal("subject", subject);
        String where = filter.where();
        if (personId != null) { // rows from before person_ids existed name the person only as their resource
            where += " and (resourceId = :person or array_contains(personIds, :person))";
            filter.parameters().and("person", personId);
        }
        Instant fromInstant = instant(from, "from");
        Instant toInstant = instant(to, "to");
        if (fromInstant != null) {
            where += " and at >= :from";
            filter.parameters().and("from", fromInstant);
        }
        if (toInstant != null) {
            where += " and at < :to";
            filter.parameters().and("to", toInstant);
        }
        return PageResult.of(AuditEntry.find(where, Sort.descending("id"), filter.parameters()), page, AuditView::of);
    }

    // Instant reaches year 1000000000, PostgreSQL's timestamptz only 294276: bounded here, not as a 500 there.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instant(String value, String parameter) {
        Instant instant;
        try {
            instant = value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(parameter, "must be an ISO instant such as 2026-11-23T00:00:00Z");
        }
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw ApiException.invalidField(parameter, "must be between the years 1 and 9999");
        }
        return instant;
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
