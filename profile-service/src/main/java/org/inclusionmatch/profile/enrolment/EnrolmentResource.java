package org.inclusionmatch.profile.enrolment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolments")
public class EnrolmentResource {

    private final EnrolmentService service;
    private final Caller caller;

    public EnrolmentResource(EnrolmentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "ENROLMENT", pathIdIsPerson = false)
    @Operation(operationId = "referPerson", summary = "Refer a person to a measure: a place if one is free, else the waitlist",
            description = "Only personId and measureId are required. The optional contact, message, needs and goals are what "
                    + "the provider reads in GET /referrals/{id}, with the person's languages; needs and goals must be among the "
                    + "person's (400 naming needs[i] or goals[i]) and default to the person's that the measure addresses. A "
                    + "contact needs a name and an email or a phone (400 naming contact.*); a message is at most 2000 characters. "
                    + "Nothing is stored when any of it is refused. "
                    + "A referral given a place is REFERRED with an answer-by date: the measure's answerDays from now, "
                    + "or the answerBy sent. When the provider has not answered by then, the system moves it to EXPIRED, "
                    + "gives the place to the first on the waitlist (who gets an answer-by date of their own from that "
                    + "moment) and publishes ENROLMENT_STATUS_CHANGED to the referrer's organisation."
                    + " Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnrolmentRequests.Refer.class),
            example = "{\"personId\":\"0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c\",\"measureId\":\"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a\","
                    + "\"contact\":{\"name\":\"Anna Bērziņa\",\"email\":\"anna.berzina@probacija.example.lv\",\"phone\":\"+371 2612 3456\"},"
                    + "\"message\":\"Available on weekday mornings; prefers a group in Latvian.\","
                    + "\"needs\":[\"DIGITAL_SKILLS\"],\"goals\":[\"OPEN_LABOUR_MARKET\"],\"answerBy\":\"2026-12-18T16:00:00Z\"}"))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class)))
    public RestResponse<EnrolmentView> refer(@NotNull @Valid EnrolmentRequests.Refer request, UriInfo uri) {
        EnrolmentView view = service.refer(caller.requireOrganisation(), request.personId(), request.measureId(),
                request.terms(), request.answerBy());
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "ENROLMENT", pathIdIsPerson = false)
    @Operation(operationId = "listEnrolments", summary = "Enrolments of your organisation's persons or in measures it provides",
            description = "The provider's inbox: providerId=<your organisation>&status=REFERRED&sort=ANSWER_BY lists the "
                    + "referrals waiting for your answer, earliest answer-by date first, so the overdue ones lead; add "
                    + "overdue=true for only those past their date."
                    + " Paged; filters personId, measureId, providerId, status and overdue. Only enrolments of "
                    + "your organisation's persons or in measures it provides are listed; each returned person "
                    + "is a read in the audit log. Roles: ADMIN, CASEWORKER, PARTNER.")
    public PageResult<EnrolmentView> list(@QueryParam("personId") UUID personId, @QueryParam("measureId") UUID measureId,
                                          @QueryParam("status") @Parameter(description = "e.g. WAITLISTED") EnrolmentStatus status,
                                          @QueryParam("providerId") @Parameter(description = "Only enrolments in measures "
                                                  + "this organisation provides (your own, for your inbox)") UUID providerId,
                                          @QueryParam("overdue") @Parameter(description = "true: only REFERRED ones past "
                                                  + "their answer-by date; false: all others") Boolean overdue,
                                          @QueryParam("sort") @Parameter(description = "CREATED_AT (default): oldest "
                                                  + "first; ANSWER_BY: earliest answer-by date first, those without one "
                                                  + "(not REFERRED) last", example = "ANSWER_BY") EnrolmentOrder sort,
                                          @Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), personId, measureId, status, providerId, overdue, sort, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "ENROLMENT", pathIdIsPerson = false)
    @Operation(operationId = "getEnrolment", summary = "Read one enrolment, with its waitlist position and allowed next statuses",
            description = "One referral or enrolment of your organisation's person, or in a measure your "
                    + "organisation provides: its status, waitlist position, answer-by date and the statuses it "
                    + "may move to next. Anyone else gets a 404. Its ETag, sent as If-Match with a move, "
                    + "makes sure nobody moved it meanwhile. Roles: ADMIN, CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class)))
    public RestResponse<EnrolmentView> get(@PathParam("id") UUID id) {
        EnrolmentView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "ENROLMENT", pathIdIsPerson = false)
    @Operation(operationId = "changeEnrolmentStatus", summary = "Move an enrolment on: accept, reject, enrol, complete, drop or cancel",
            description = "Each move is made by one side of the referral (the table below): the other side's move is a 403 "
                    + "`other-sides-move` naming whose it is, an illegal move a 409 `illegal-transition` naming the allowed ones. "
                    + "A freed place goes to the first on the waitlist. REJECTED (the provider's decline) needs a reason of "
                    + "the code list referralDeclineReasons, and a note with OTHER: without them a 400 naming the field, and "
                    + "nothing changes. A referral that EXPIRED (unanswered by its answer-by date) or was answered at the "
                    + "same moment is a 409."
                    + " If-Match is optional here: with the ETag you read, a move on a version no longer current is a 412. "
                    + "Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnrolmentRequests.Transition.class), example = """
                {
                  "status": "REJECTED",
                  "reason": "NOT_ELIGIBLE",
                  "note": "The placement needs B1 Latvian; please refer again after the language course."
                }
                """))
    @APIResponse(responseCode = "403", description = "`other-sides-move`: the other organisation of the referral makes this move; "
            + "`forbidden`: the caller's role makes no moves")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class)))
    public RestResponse<EnrolmentView> transition(@PathParam("id") UUID id, @NotNull @Valid EnrolmentRequests.Transition request,
                               @Parameter(description = ApiResponsesDoc.IF_MATCH_OPTIONAL) @HeaderParam("If-Match") String ifMatch) {
        EnrolmentView view = service.transition(caller.requireOrganisation(), id, request.status(), request.reason(),
                request.note(), ifMatch);
        return Versions.ok(view, view.version());
    }
}
