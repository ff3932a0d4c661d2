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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
                    + "Every STORED result is announced with RECOMMENDATIONS_UPDATED."
                    + " Roles: MATCHER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecommendationBatchRequest.class), example = """
                {
                  "items": [
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
                      ],
                      "personId": "0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c"
                    }
                  ]
                }
                """))
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
