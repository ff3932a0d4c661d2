package org.inclusionmatch.profile.recommendation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.security.Roles;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The matching worker's batch path: many persons' recommendations stored in one request and one transaction. */
@Path("/api/v1/matching/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matching")
public class RecommendationBatchResource {

    private final RecommendationService service;

    public RecommendationBatchResource(RecommendationService service) {
        this.service = service;
    }

    @PUT
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "RECOMMENDATIONS",
            pathIdIsPerson = false)
    @Operation(operationId = "putRecommendationsBatch", summary = "Store the recommendations of many persons at once",
            description = "Up to 500 results, each person at most once, stored in one transaction. Each result is "
                    + "held to the rules of PUT /persons/{id}/recommendations, person by person: one computed from "
                    + "another profile version is reported STALE and not stored, a withdrawn or unknown person "
                    + "WITHDRAWN or NOT_FOUND, an identical result UNCHANGED; none of these fails the others. "
                    + "Every STORED result is announced with RECOMMENDATIONS_UPDATED.")
    public RecommendationBatchResult put(@NotNull @Valid RecommendationBatchRequest request) {
        requireDistinctPersons(request.items());
        return new RecommendationBatchResult(service.storeAll(request.items()));
    }

    private static void requireDistinctPersons(List<RecommendationBatchRequest.Item> items) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).personId())) {
                throw InvalidInput.field("items[" + i + "].personId", "the person is already in the batch");
            }
        }
    }
}
