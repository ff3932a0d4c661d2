package org.inclusionmatch.profile.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * Allocation rounds: opened by the measure's provider or the programme's operator (ADMIN or CASEWORKER of that
 * organisation), seen only by it.
 */
@Path("/api/v1/allocation-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation rounds")
public class AllocationResource {

    private final AllocationService service;
    private final RoundFairnessService fairness;
    private final Caller caller;

    public AllocationResource(AllocationService service, RoundFairnessService fairness, Caller caller) {
        this.service = service;
        this.fairness = fairness;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "ALLOCATION_ROUND", pathIdIsPerson = false)
    @Operation(operationId = "openAllocationRound", summary = "Open a round for a measure or a programme intake: the solver proposes who gets the places",
            description = "Candidates are the persons who have one of the measures recommended or wait for one. The proposal maximises "
                    + "the total fit within the free places, the programme's quotas and keep-apart constraints, exactly (OR-Tools CP-SAT), "
                    + "and is shown beside first come first served on the same candidates. Where published outcome evidence speaks for "
                    + "a candidate, it maximises expected inclusion (fit x smoothed inclusion rate) instead (objective). Where the period "
                    + "has an end date and earlier rounds give a weekly rate of new candidates, places are held for the candidates "
                    + "expected later (planning, HELD_FOR_LATER) unless planAhead is false. Nothing is referred until it is confirmed."
                    + " Send a measureId, or a programmeId for every measure of a programme intake; the round is "
                    + "seen only by your organisation and nothing is referred until it is confirmed. Roles: "
                    + "ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequests.Open.class), example = """
                {
                  "measureId": "4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a",
                  "planAhead": true
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationRoundView.class)))
    public RestResponse<AllocationRoundView> open(@NotNull @Valid AllocationRequests.Open request, UriInfo uri) {
        AllocationRoundView view = service.open(caller.requireOrganisation(), caller.subject(), request);
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, view.version());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "ALLOCATION_ROUND", pathIdIsPerson = false)
    @Operation(operationId = "getAllocationRound", summary = "Read a round your organisation opened: proposal, reasons and comparison",
            description = "A round your organisation opened: each candidate's proposed place or waitlist position "
                    + "with its reasons, the comparison with first come first served on the same candidates, "
                    + "and its status. Another organisation's round is a 404. Send its ETag as If-Match to "
                    + "confirm it. Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationRoundView.class)))
    public RestResponse<AllocationRoundView> get(@PathParam("id") UUID id) {
        AllocationRoundView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @GET
    @Path("{id}/fairness")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @Operation(operationId = "getAllocationRoundFairness",
            summary = "The fairness of a round: per target group, gender, age band and region, the share of candidates the "
                    + "proposal gives a place beside first come first served, with the four-fifths rule",
            description = "Rate = candidates of the group given a place / candidates of the group, under the proposal and under "
                    + "first come first served on the same candidates and places; ratioToBest = the group's rate / the best-served "
                    + "group's; belowFourFifths when under 0.8. Aggregates only, protected like the reports: counts perturbed by "
                    + "up to 2 (cell-key method), cells under 5 suppressed with no rate, ratio or flag. Only the organisation "
                    + "that opened the round sees it (404 for others)."
                    + " Only for a round your organisation opened. Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "200", description = "The round's fairness, proposal beside first come first served",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundFairness.class)))
    public RestResponse<RoundFairness> fairness(@PathParam("id") UUID id) {
        return RestResponse.ok(fairness.fairness(caller.requireOrganisation(), id));
    }

    @POST
    @Path("{id}/confirmation")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "ALLOCATION_ROUND", pathIdIsPerson = false)
    @Operation(operationId = "confirmAllocationRound", summary = "Confirm a proposed round: refer the assigned persons and waitlist the rest",
            description = "Each referral goes through the enrolment use case (places, waitlist, events, audit). A place taken since the "
                    + "proposal puts the person on the waitlist (PLACE_TAKEN_MEANWHILE)."
                    + " If-Match with the round's ETag is required, so a round is confirmed only as it was read. "
                    + "Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationRequests.Confirm.class), example = """
                {
                  "waitlistRest": true
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationRoundView.class)))
    public RestResponse<AllocationRoundView> confirm(@PathParam("id") UUID id, @Valid AllocationRequests.Confirm request,
                            @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        AllocationRoundView view = service.confirm(caller.requireOrganisation(), caller.subject(), id, request, Versions.requireIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }
}
