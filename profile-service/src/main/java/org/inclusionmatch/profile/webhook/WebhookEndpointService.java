package org.inclusionmatch.profile.webhook;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.contracts.webhooks.WebhookEventType;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation's webhook endpoints: registered, changed, paused or resumed, rotated and deleted by its own ADMIN or
 * PARTNER client; another organisation's endpoint is a 404. The URL is checked by {@link TargetPolicy} on every write.
 */
@ApplicationScoped
@Transactional
public class WebhookEndpointService {

    private final TargetPolicy policy;
    private final WebhookConfig config;
    private final Event<WebhookFanout.DeliveriesWritten> redelivered;

    public WebhookEndpointService(TargetPolicy policy, WebhookConfig config, Event<WebhookFanout.DeliveriesWritten> redelivered) {
        this.policy = policy;
        this.config = config;
        this.redelivered = redelivered;
    }

    public WebhookEndpointView create(UUID organisation, WebhookEndpointRequest request) {
        check(request);
        long count = WebhookEndpoint.count("organisationId", organisation);
        if (count >= config.maxEndpointsPerOrganisation()) {
            throw InvalidInput.field("url", "your organisation has " + count + " webhook endpoints, the most it may have; delete one first");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.organisationId = organisation;
        apply(endpoint, request);
        endpoint.status = request.status() == WebhookEndpoint.Status.PAUSED ? WebhookEndpoint.Status.PAUSED : WebhookEndpoint.Status.ACTIVE;
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.persist();
        endpoint.flush();
        return WebhookEndpointView.of(endpoint, endpoint.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<WebhookEndpointView> list(UUID organisation, PageParams page) {
        return PageResult.of(WebhookEndpoint.<WebhookEndpoint>find("organisationId", Sort.ascending("createdAt", "id"), organisation),
                page, (WebhookEndpoint e) -> WebhookEndpointView.of(e, null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookEndpointView get(UUID organisation, UUID id) {
        return WebhookEndpointView.of(require(organisation, id), null);
    }

    public WebhookEndpointView update(UUID organisation, UUID id, String ifMatch, WebhookEndpointRequest request) {
        WebhookEndpoint endpoint = require(organisation, id);
        ExpectedVersion.check(ifMatch, endpoint.version);
        check(request);
        apply(endpoint, request);
        if (request.status() == WebhookEndpoint.Status.PAUSED) {
            endpoint.status = WebhookEndpoint.Status.PAUSED;
        } else if (request.status() == WebhookEndpoint.Status.ACTIVE) {
            endpoint.status = WebhookEndpoint.Status.ACTIVE;
            endpoint.failingSince = null; // a resumed endpoint gets its full failing time again
            endpoint.disabledAt = null;
        }
        endpoint.flush();
        redelivered.fire(new WebhookFanout.DeliveriesWritten()); // a resumed endpoint's deliveries are due
        return WebhookEndpointView.of(endpoint, null);
    }

    public void delete(UUID organisation, UUID id, String ifMatch) {
        WebhookEndpoint endpoint = require(organisation, id);
        ExpectedVersion.check(ifMatch, endpoint.version);
        endpoint.delete(); // its deliveries and log go with it (on delete cascade)
    }

    /** A new secret signs from now on; the one before signs beside it until the overlap ends. */
    public WebhookEndpointView rotateSecret(UUID organisation, UUID id) {
        WebhookEndpoint endpoint = require(organisation, id);
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretUntil = Instant.now().plus(config.secretOverlap());
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.flush();
        return WebhookEndpointView.of(endpoint, endpoint.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<WebhookDeliveryView> deliveries(UUID organisation, UUID id, PageParams page) {
        require(organisation, id);
        return PageResult.of(WebhookDelivery.<WebhookDelivery>find("endpointId", Sort.descending("createdAt", "id"), id), page,
                WebhookDeliveryView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<WebhookAttemptView> attempts(UUID organisation, UUID id, PageParams page) {
        require(organisation, id);
        return PageResult.of(WebhookAttempt.<WebhookAttempt>find("endpointId", Sort.descending("id"), id), page, WebhookAttemptView::of);
    }

    /** Sends the delivery again, with its own webhook-id (receivers ignore it if they had it), now and with full retries. */
    public WebhookDeliveryView redeliver(UUID organisation, UUID id, UUID deliveryId) {
        require(organisation, id);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>find("id = :id and endpointId = :endpoint",
                Parameters.with("id", deliveryId).and("endpoint", id)).firstResult();
        if (delivery == null) {
            throw new NotFound("Webhook delivery", deliveryId);
        }
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = Instant.now();
        delivery.createdAt = Instant.now(); // the retry period starts again
        delivery.deliveredAt = null;
        redelivered.fire(new WebhookFanout.DeliveriesWritten());
        return WebhookDeliveryView.of(delivery);
    }

    private void check(WebhookEndpointRequest request) {
        policy.refusal(request.url()).ifPresent(reason -> {
            throw InvalidInput.field("url", reason);
        });
        if (request.status() == WebhookEndpoint.Status.DISABLED) {
            throw InvalidInput.field("status", "must be one of ACTIVE, PAUSED");
        }
    }

    private static void apply(WebhookEndpoint endpoint, WebhookEndpointRequest request) {
        endpoint.url = request.url().strip();
        endpoint.description = request.description();
        endpoint.eventTypes = request.eventTypes().stream().distinct().map(WebhookEventType::name).toList();
    }

    private static WebhookEndpoint require(UUID organisation, UUID id) {
        return Records.find(WebhookEndpoint.class, id).filter(e -> e.organisationId.equals(organisation))
                .orElseThrow(() -> new NotFound("Webhook endpoint", id));
    }
}
