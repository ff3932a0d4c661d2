package org.inclusionmatch.profile.whatif;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/programmes/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes")
public class WhatIfResource {

    private final WhatIfService service;
    private final Caller caller;

    public WhatIfResource(WhatIfService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * An ADMIN designs programmes for every organisation and counts every organisation's persons, as the reports do;
     * a CASEWORKER counts the persons of their own organisation only (persons they may read one by one anyway).
     * One audit entry records the aggregate read; no person is named in it.
     */
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "WHAT_IF", pathIdIsPerson = false)
    @Operation(operationId = "programmeWhatIf",
            summary = "What a draft programme and its measures would change, without storing anything",
            description = "Matches every current person the caller may count (ADMIN: every organisation's; CASEWORKER: "
                    + "their organisation's) on one day with and without the drafts, and counts how many would be eligible "
                    + "for a draft measure, how many would get one in their top three recommendations (in total, by region "
                    + "and by target group) and which stored measures would leave top threes most. The drafts are checked "
                    + "as createProgramme and createMeasure check them; nothing is stored and no recommendation changes. "
                    + "Aggregates only, protected as the inclusion report is: every count perturbed by up to 2 (the same "
                    + "people always get the same noise) and counts under 5, or leaving fewer than 5 in their row, withheld.")
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhatIfAnswer.class)))
    public RestResponse<WhatIfAnswer> whatIf(@NotNull @Valid WhatIfRequest request) {
        UUID organisation = caller.hasRole(Roles.ADMIN) ? null : caller.requireOrganisation();
        return RestResponse.ok(service.whatIf(request, organisation));
    }
}
