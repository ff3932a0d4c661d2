package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/persons/{id}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations")
public class RecommendationResource {

    private final RecommendationService service;
    private final Caller caller;
    private final ObjectMapper json;

    public RecommendationResource(RecommendationService service, Caller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "RECOMMENDATIONS")
    @Operation(operationId = "getRecommendations", summary = "The person's current recommendations, with reasons",
            description = "Each recommendation and each measure left out (whyNot) carries the measure's title, kind, "
                    + "provider, programme and places as they are now, so one call renders the lists. The ETag "
                    + "changes when anything shown changes, a measure's places included. status tells lists not "
                    + "computed yet (PENDING) from lists with nothing in them (COMPUTED): while a result is awaited "
                    + "(PENDING, OUTDATED) the answer carries Retry-After; a consumer of inclusion.recommendations.v1 "
                    + "can wait for RECOMMENDATIONS_UPDATED with the person's id as subject instead."
                    + " Only for a person of your organisation (else 404); recorded in the audit log. Roles: "
                    + "ADMIN, CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag"),
                    @Header(name = "Retry-After", description = "Only while status is PENDING or OUTDATED: seconds "
                            + "after which a new result is likely stored", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationsView.class)))
    public RestResponse<RecommendationsView> get(@PathParam("id") UUID personId) {
        return RecommendationTags.ok(json, service.get(caller.requireOrganisation(), personId));
    }

    @PUT
    @RolesAllowed(Roles.MATCHER)
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "RECOMMENDATIONS")
    @Operation(operationId = "putRecommendations", summary = "Store recommendations computed by the matching worker",
            description = "Refused with 409 when computed from another profile version than the current one. "
                    + "Storing the same list again changes nothing."
                    + " The matching worker's service identity only. Roles: MATCHER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecommendationsRequest.class), example = """
                {
                  "profileVersion": 3,
                  "engineVersion": "engine-1.0.0",
                  "evaluationDay": "2026-12-07",
                  "computedAt": "2026-12-07T09:15:02Z",
                  "recommendations": [
                    {
                      "rank": 1,
                      "measureId": "4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a",
                      "measureCode": "RBCAFE-PLACEMENT",
                      "score": 0.82,
                      "reasons": [
                        {
                          "code": "NEED_MATCH",
                          "params": {
                            "need": "FIRST_JOB"
                          },
                          "text": "Covers the need FIRST_JOB."
                        },
                        {
                          "code": "ELIGIBLE_UNDER",
                          "params": {
                            "programme": "RESOC-4346"
                          },
                          "text": "Meets the eligibility rule of programme RESOC-4346, which targets people in this situation."
                        },
                        {
                          "code": "SEATS_LEFT",
                          "params": {
                            "seats": "2"
                          },
                          "text": "2 places left."
                        }
                      ]
                    }
                  ],
                  "whyNot": [
                    {
                      "measureId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                      "measureCode": "HWH-RIGA-BEDS",
                      "unmet": [
                        {
                          "code": "MEASURE_FULL",
                          "params": {
                            "capacity": "12"
                          },
                          "text": "Full: all 12 places are taken."
                        }
                      ],
                      "changes": [
                        {
                          "code": "WAITLIST",
                          "params": {},
                          "text": "A referral joins the waitlist and gets a place when one is freed."
                        }
                      ]
                    }
                  ]
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationsView.class)))
    public RestResponse<RecommendationsView> put(@PathParam("id") UUID personId, @NotNull @Valid RecommendationsRequest request) {
        return RecommendationTags.ok(json, service.store(personId, request).view());
    }
}
