package org.inclusionmatch.profile.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** An organisation's webhook endpoints; every change is in the audit log (resource WEBHOOK_ENDPOINT). */
@Path("/api/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookEndpointResource {

    private static final String RESOURCE = "WEBHOOK_ENDPOINT";
    private static final String EXAMPLE = """
            {
              "url": "https://cases.partner.example/inclusion-match/webhooks",
              "eventTypes": ["REFERRAL_RECEIVED", "REFERRAL_ACCEPTED", "REFERRAL_DECLINED", "REFERRAL_EXPIRED"],
              "description": "Case system, referrals desk",
              "status": "ACTIVE"
            }
            """;

    private final WebhookEndpointService service;
    private final Caller caller;

    public WebhookEndpointResource(WebhookEndpointService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.CREATE, resource = RESOURCE, pathIdIsPerson = false)
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint for your organisation",
            description = "Events that concern your organisation (its persons, measures and programmes, the referrals it sent "
                    + "or received) are POSTed to the URL, signed per Standard Webhooks (webhook-id, webhook-timestamp, "
                    + "webhook-signature). The answer holds the signing secret, once: store it. The URL must be https on an "
                    + "allowed port; loopback, private and link-local addresses are refused. Roles: ADMIN, PARTNER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookEndpointRequest.class), example = EXAMPLE))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    public RestResponse<WebhookEndpointView> create(@NotNull @Valid WebhookEndpointRequest request, UriInfo uri) {
        WebhookEndpointView view = service.create(caller.requireOrganisation(), request);
        return Versions.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build(), view, view.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listWebhookEndpoints", summary = "Your organisation's webhook endpoints",
            description = "Paged (page from 0, size 1-100), oldest first; never a secret. Roles: ADMIN, PARTNER.")
    public PageResult<WebhookEndpointView> list(@Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getWebhookEndpoint", summary = "Read one of your organisation's webhook endpoints",
            description = "With its ETag (send it as If-Match to change or delete it); never its secret. Another "
                    + "organisation's endpoint is a 404. Roles: ADMIN, PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ, headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    public RestResponse<WebhookEndpointView> get(@PathParam("id") UUID id) {
        WebhookEndpointView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = RESOURCE, pathIdIsPerson = false)
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change, pause or resume a webhook endpoint",
            description = "status PAUSED holds deliveries until ACTIVE again; ACTIVE also resumes an endpoint the service "
                    + "disabled after it failed too long. If-Match with its ETag is required (428 without it, 412 when "
                    + "stale). Roles: ADMIN, PARTNER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookEndpointRequest.class), example = EXAMPLE))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED, headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    public RestResponse<WebhookEndpointView> update(@PathParam("id") UUID id, @NotNull @Valid WebhookEndpointRequest request,
            @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        WebhookEndpointView view = service.update(caller.requireOrganisation(), id, Versions.requireIfMatch(ifMatch), request);
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.DELETE, resource = RESOURCE, pathIdIsPerson = false)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Its pending deliveries and its delivery log go with it. If-Match with its ETag is required (428 "
                    + "without it, 412 when stale). Roles: ADMIN, PARTNER.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
            @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(caller.requireOrganisation(), id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }

    @POST
    @Path("{id}/secret")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = RESOURCE, pathIdIsPerson = false)
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's signing secret",
            description = "Answers the new secret, once. Until previousSecretExpiresAt (24 hours by default) every delivery "
                    + "carries two signatures, by the new secret and the old, so receivers can switch without losing one. "
                    + "Roles: ADMIN, PARTNER.")
    @APIResponse(responseCode = "200", description = "The endpoint with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    public WebhookEndpointView rotate(@PathParam("id") UUID id) {
        return service.rotateSecret(caller.requireOrganisation(), id);
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listWebhookDeliveries", summary = "The deliveries to a webhook endpoint, newest first",
            description = "Each event sent or to send: its webhook-id, status, attempts and the last status code. Paged (page "
                    + "from 0, size 1-100). Roles: ADMIN, PARTNER.")
    public PageResult<WebhookDeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return service.deliveries(caller.requireOrganisation(), id, page);
    }

    @GET
    @Path("{id}/attempts")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listWebhookAttempts", summary = "The delivery log of a webhook endpoint, newest first",
            description = "Every attempt: when, how long, the status code or why none came, and at most 256 bytes of the "
                    + "answer. Paged (page from 0, size 1-100). Roles: ADMIN, PARTNER.")
    public PageResult<WebhookAttemptView> attempts(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return service.attempts(caller.requireOrganisation(), id, page);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @AuditedPersonAccess(operation = AuditedPersonAccess.Operation.UPDATE, resource = RESOURCE, pathIdIsPerson = false)
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "Now, with the same webhook-id (a receiver that had it ignores it) and a full retry period. "
                    + "Roles: ADMIN, PARTNER.")
    @APIResponse(responseCode = "202", description = "Queued to be sent again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryView.class)))
    public RestResponse<WebhookDeliveryView> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.accepted(service.redeliver(caller.requireOrganisation(), id, deliveryId));
    }
}
