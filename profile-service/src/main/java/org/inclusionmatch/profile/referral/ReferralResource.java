package org.inclusionmatch.profile.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * The referral as the provider sees it (and the referrer, who made it): the provider's only window on a person
 * referred to it; {@code GET /persons/{id}} stays the person's organisation's. Every read is audited as a read of
 * the person.
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralService service;
    private final Caller caller;
    private final ObjectMapper json;

    public ReferralResource(ReferralService service, Caller caller, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.LIST, resource = "REFERRAL", pathIdIsPerson = false)
    @Operation(operationId = "listReceivedReferrals", summary = "Referrals your organisation received: persons referred to the measures it provides",
            description = "Newest first. Each item is the referral as GET /referrals/{id} answers it, and is recorded in the "
                    + "audit log as a read of its person."
                    + " Paged; filter status (REFERRED for the ones waiting for your answer). Roles: ADMIN, "
                    + "CASEWORKER, PARTNER.")
    public PageResult<ReferralView> list(@QueryParam("status") @Parameter(description = "Only referrals in this status, e.g. REFERRED")
                                         EnrolmentStatus status,
                                         @Valid @BeanParam PageParams page) {
        return service.received(caller.requireOrganisation(), status, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.READ, resource = "REFERRAL", pathIdIsPerson = false)
    @Operation(operationId = "getReferral", summary = "Read a referral as its provider (or its referrer) sees it",
            description = "The referring organisation, the measure, a contact, the needs and goals it is for, the person's "
                    + "languages and a message; in `shared`, only the profile fields the person's active consents release to "
                    + "this provider for this referral (special categories only when a consent names them). Nothing else about "
                    + "the person. Visible to the measure's provider and the person's organisation; anyone else gets 404. "
                    + "Each read is a read of the person in the audit log, and a withdrawn consent is not applied from the next read on."
                    + " Roles: ADMIN, CASEWORKER, PARTNER.")
    @APIResponse(responseCode = "200", description = "The referral. Its ETag changes whenever anything in it does (a consent "
            + "recorded or withdrawn, the referral moved, a shown profile field changed), so If-None-Match gets a 304 only "
            + "for the same body; `version` is the enrolment's, for If-Match on POST /enrolments/{id}/status",
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class),
                    examples = {
                            @ExampleObject(name = "withConsents", summary = "Consents name AGE, TARGET_GROUPS and CRIMINAL_RECORD",
                                    value = ReferralExamples.REFERRAL),
                            @ExampleObject(name = "withoutConsent", summary = "No active consent: the referral's minimum only",
                                    value = ReferralExamples.MINIMAL_REFERRAL)}))
    public RestResponse<ReferralView> get(@PathParam("id") @Parameter(description = "The referral's id (the enrolment's)") UUID id) {
        return ViewTags.ok(json, service.get(caller.requireOrganisation(), id));
    }
}
