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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
                    + "people always get the same noise) and counts under 5, or leaving fewer than 5 in their row, withheld."
                    + " Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WhatIfRequest.class), example = """
                {
                  "evaluationDay": "2026-09-01",
                  "programme": {
                    "code": "MOTIV-PIERIGA-2026",
                    "name": "Motivation and support programme, Pieriga",
                    "operatorId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "funderId": "6b5a4938-2716-4f5e-9d8c-7b6a59483726",
                    "startDate": "2026-09-01",
                    "endDate": "2027-02-28",
                    "capacity": 60,
                    "regions": [
                      "RIGA",
                      "PIERIGA"
                    ],
                    "eligibility": "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['AFTER_CHILDCARE_LEAVE','SINGLE_PARENT','OVER_50','CARER'])",
                    "quotas": [
                      {
                        "dimension": "TARGET_GROUP",
                        "value": "OVER_50",
                        "minPlaces": 10,
                        "maxPlaces": 30
                      }
                    ]
                  },
                  "measures": [
                    {
                      "code": "LRC-PIE-CAREER",
                      "providerId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                      "kind": "CONSULTATION",
                      "title": "Career consultant",
                      "needs": [
                        "CAREER_GUIDANCE"
                      ],
                      "goals": [
                        "OPEN_LABOUR_MARKET"
                      ],
                      "regions": [
                        "RIGA",
                        "PIERIGA"
                      ],
                      "languages": [
                        "lv",
                        "ru"
                      ],
                      "capacity": 30,
                      "startDate": "2026-09-01",
                      "endDate": "2027-02-28"
                    }
                  ]
                }
                """))
    @APIResponse(responseCode = "200", description = "The answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhatIfAnswer.class)))
    public RestResponse<WhatIfAnswer> whatIf(@NotNull @Valid WhatIfRequest request) {
        UUID organisation = caller.hasRole(Roles.ADMIN) ? null : caller.requireOrganisation();
        return RestResponse.ok(service.whatIf(request, organisation));
    }
}
