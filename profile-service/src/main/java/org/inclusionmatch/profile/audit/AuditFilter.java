package org.inclusionmatch.profile.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemType;
import org.inclusionmatch.profile.security.Caller;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes one audit entry for every response of an endpoint marked {@link AuditedPersonAccess}, whatever its status.
 * On a worker thread the entry is committed before the response is sent; if it cannot be, the response is a 503
 * without the data.
 */
public class AuditFilter {

    @Inject
    AuditLog log;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        AuditedPersonAccess access = annotation(resource);
        if (access == null) {
            return;
        }
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.operation = access.operation().name();
        entry.resourceType = access.resource();
        entry.resourceId = uuid(request.getUriInfo().getPathParameters().getFirst("id"));
        entry.personIds = personsConcerned(access, entry.resourceId, request, response.getEntity());
        entry.httpStatus = response.getStatus();
        entry.outcome = response.getStatus() < 400 ? "ALLOWED" : "DENIED";
        if (BlockingOperationControl.isBlockingAllowed()) {
            // On a worker thread: the response waits until its entry is committed, and fails if it cannot be.
            SecurityIdentity identity;
            try {
                identity = identities.getDeferredIdentity().await().indefinitely();
            } catch (RuntimeException e) {
                identity = null;
            }
            try {
                log.append(withCaller(entry, identity));
            } catch (AuditLog.AuditWriteFailed e) {
                unrecorded(response);
            }
            return;
        }
        // Refused requests may end on the IO thread, where the identity must not be resolved blocking.
        identities.getDeferredIdentity().subscribe().with(
                identity -> log.append(withCaller(entry, identity)),
                failure -> log.append(withCaller(entry, null)));
    }

    /** Replaces the answer of an access that could not be recorded: none of its data, and no version of it. */
    private static void unrecorded(ContainerResponseContext response) {
        response.getHeaders().clear();
        response.setStatus(503);
        response.setEntity(Problem.of(ProblemType.AUDIT_UNAVAILABLE,
                        "This access could not be recorded in the audit log, so it is not answered; try again later"),
                null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static AuditEntry withCaller(AuditEntry entry, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            entry.subject = "anonymous";
            entry.roles = "";
            return entry;
        }
        entry.subject = identity.getPrincipal().getName();
        entry.roles = String.join(",", new TreeSet<>(identity.getRoles()));
        entry.organisationId = Caller.organisationOf(identity).orElse(null);
        return entry;
    }

    /** The matched endpoint's marker; none when nothing matched (a 404, or a request refused before matching). */
    private static AuditedPersonAccess annotation(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method == null ? null : method.getAnnotation(AuditedPersonAccess.class);
    }

    /**
     * The path's person, a personId the caller asked for, the persons the request body names (kept by
     * {@link AuditedRequestBodies}; so a refused write is recorded with its person too) and every person whose data is
     * in the response body.
     */
    private static List<UUID> personsConcerned(AuditedPersonAccess access, UUID pathId, ContainerRequestContext request,
                                               Object body) {
        Set<UUID> persons = new LinkedHashSet<>();
        if (access.pathIdIsPerson() && pathId != null) {
            persons.add(pathId);
        }
        UUID asked = uuid(request.getUriInfo().getQueryParameters().getFirst("personId"));
        if (asked != null) {
            persons.add(asked);
        }
        if (request.getProperty(AuditedRequestBodies.PERSONS_NAMED) instanceof Collection<?> named) {
            named.forEach(id -> {
                if (id instanceof UUID person) {
                    persons.add(person);
                }
            });
        }
        collect(body, persons);
        return List.copyOf(persons);
    }

    private static void collect(Object body, Set<UUID> persons) {
        switch (body) {
            case ConcernsPerson one -> persons.add(one.concernedPerson());
            case PageResult<?> page -> page.items().forEach(item -> collect(item, persons));
            case ConcernsPersons list -> list.items().forEach(item -> collect(item, persons));
            case Collection<?> items -> items.forEach(item -> collect(item, persons));
            case null, default -> {
            }
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
