package org.inclusionmatch.profile.referral;

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
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * A person's consents to share with the providers of their referrals, kept by the person's organisation. Recording
 * and withdrawing are audited as writes of the person, reading as reads.
 */
@Path("/api/v1/persons/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class ConsentResource {

    private final ConsentService service;
    private final Caller caller;

    public ConsentResource(ConsentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = "CONSENT")
    @Operation(operationId = "recordConsent", summary = "Record the person's consent to share named categories with a referral's provider",
            description = "For one recipient (the provider of the referral's measure) and one purpose (that referral). "
                    + "From the next read on, GET /referrals/{enrolmentId} shows the provider the fields of these categories; "
                    + "special-category data (DISABILITY, ETHNICITY, CRIMINAL_RECORD) only when named. The consent ends when "
                    + "withdrawn or when the referral reaches a final status. 400 names the field: an unknown category "
                    + "(categories[i]), a givenOn in the future, a referral that is not this person's (enrolmentId), an unknown "
                    + "recipient or one that is not the provider (recipientOrganisationId); 409 consent-not-active for a "
                    + "closed referral. Nothing is stored then."
                    + " Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConsentRequest.class), example = ReferralExamples.CONSENT_REQUEST))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class),
                    example = ReferralExamples.CONSENT))
    public RestResponse<ConsentView> record(@PathParam("id") @Parameter(description = "The person's id") UUID id,
                                            @NotNull @Valid ConsentRequest request, UriInfo uri) {
        ConsentView view = service.record(caller.requireOrganisation(), caller.subject(), id, request);
        return ViewTags.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "CONSENT")
    @Operation(operationId = "listConsents", summary = "The person's consents, newest first, with their status as of now",
            description = "The person's consents to share with a referral's provider, newest first, each with its "
                    + "status (ACTIVE, WITHDRAWN or LAPSED) as of the read; paged. Only for a person of your "
                    + "organisation (else 404); recorded in the audit log. Roles: ADMIN, CASEWORKER, PARTNER.")
    public PageResult<ConsentView> list(@PathParam("id") @Parameter(description = "The person's id") UUID id,
                                        @Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), id, page);
    }

    @GET
    @Path("{consentId}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "CONSENT")
    @Operation(operationId = "getConsent", summary = "Read one of the person's consents, with its status as of now",
            description = "The ETag is the version while the consent is ACTIVE (send it as If-Match to withdraw), and the "
                    + "version with the status once it has ended, so a cached copy from before a lapse is not answered 304."
                    + " Roles: ADMIN, CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class),
                    example = ReferralExamples.CONSENT))
    public RestResponse<ConsentView> get(@PathParam("id") @Parameter(description = "The person's id") UUID id,
                                         @PathParam("consentId") UUID consentId) {
        return ViewTags.consent(service.get(caller.requireOrganisation(), id, consentId));
    }

    @POST
    @Path("{consentId}/withdrawal")
    @Consumes(MediaType.WILDCARD) // no body: a client need not send a Content-Type
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = "CONSENT")
    @Operation(operationId = "withdrawConsent", summary = "Record that the person withdrew a consent: nothing more is shared under it",
            description = "Takes effect at once: the provider's next read of the referral has none of its categories (unless "
                    + "another active consent names them). The consent is kept, WITHDRAWN, with when and by whom. No body. "
                    + "409 consent-not-active when it is withdrawn or lapsed already; an If-Match, when sent, must name the "
                    + "current version (412)."
                    + " Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentView.class),
                    example = ReferralExamples.WITHDRAWN_CONSENT))
    public RestResponse<ConsentView> withdraw(@PathParam("id") @Parameter(description = "The person's id") UUID id,
                                              @PathParam("consentId") UUID consentId,
                                              @Parameter(description = "Optional: the ETag of the consent you read; another version answers 412")
                                              @HeaderParam("If-Match") String ifMatch) {
        return ViewTags.consent(service.withdraw(caller.requireOrganisation(), caller.subject(), id, consentId, ifMatch));
    }
}
