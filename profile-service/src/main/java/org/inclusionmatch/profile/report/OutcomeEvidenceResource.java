package org.inclusionmatch.profile.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.security.Roles;

@Path("/api/v1/matching/evidence")
@Tag(name = "Matching")
public class OutcomeEvidenceResource {

    private final OutcomeEvidenceService service;

    public OutcomeEvidenceResource(OutcomeEvidenceService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MATCHER)
    @Operation(operationId = "getOutcomeEvidence",
            summary = "Past inclusion per programme and measure and target group, for the matching engine's evidence term",
            description = "Aggregates only, under the inclusion report's disclosure control: every count perturbed by up to 2 "
                    + "(cell-key method), and a cell left out when its participants, included or others are under 5."
                    + " Roles: MATCHER.")
    public OutcomeEvidence evidence() {
        return service.evidence();
    }
}
