package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.inclusionmatch.profile.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who a document is for. The partner document (/q/openapi, contracts/.../profile-service.json) has every operation a
 * partner's role may call; the internal one (/q/openapi-internal, profile-service-internal.json) the operations only
 * the matching worker's service identity calls (its @RolesAllowed is MATCHER alone: matching views, evidence, the
 * stores of recommendations), which partners must not build on. Decided from the access rule the service enforces, so
 * a new worker-only operation moves to the internal document without a word.
 */
enum DocumentAudience {
    PARTNERS, WORKER;

    /** Keeps this audience's operations and the paths that still have one. */
    void keepItsOperations(OpenAPI openAPI) {
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        for (String path : new ArrayList<>(items.keySet())) {
            PathItem item = items.get(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : new ArrayList<>(item.getOperations().entrySet())) {
                if (workerOnly(entry.getValue()) != (this == WORKER)) {
                    item.setOperation(entry.getKey(), null);
                }
            }
            if (item.getOperations().isEmpty()) {
                openAPI.getPaths().removePathItem(path);
            }
        }
    }

    /** The internal document's servers say so (x-internal, OWASP API9:2023 inventory); run after PartnerDocument. */
    void markServers(OpenAPI openAPI) {
        if (this == WORKER && openAPI.getServers() != null) {
            openAPI.getServers().forEach(server -> server.addExtension("x-internal", true));
        }
    }

    /** Whether only the worker's role may call it: every security requirement lists MATCHER and nothing else. */
    static boolean workerOnly(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        return security != null && !security.isEmpty() && security.stream().allMatch(requirement ->
                requirement.getSchemes() != null && !requirement.getSchemes().isEmpty()
                        && requirement.getSchemes().values().stream().allMatch(roles -> List.of(Roles.MATCHER).equals(roles)));
    }
}
