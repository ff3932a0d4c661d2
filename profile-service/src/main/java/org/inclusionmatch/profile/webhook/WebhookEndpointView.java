package org.inclusionmatch.profile.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.contracts.webhooks.WebhookEventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "WebhookEndpoint")
public record WebhookEndpointView(
        UUID id, UUID organisationId, String url, String description, List<WebhookEventType> eventTypes,
        WebhookEndpoint.Status status,
        @Schema(description = "The signing secret (whsec_...): only in the answer that created or rotated it; store it then")
        String secret,
        @Schema(description = "Until when the secret before the last rotation still signs beside the new one")
        Instant previousSecretExpiresAt,
        @Schema(description = "Since when every attempt has failed (null while deliveries succeed)") Instant failingSince,
        Instant disabledAt, long version, Instant createdAt, Instant updatedAt) {

    static WebhookEndpointView of(WebhookEndpoint e, String secret) {
        Instant overlap = e.previousSecretUntil != null && e.previousSecretUntil.isAfter(Instant.now()) ? e.previousSecretUntil : null;
        return new WebhookEndpointView(e.id, e.organisationId, e.url, e.description,
                e.eventTypes.stream().map(WebhookEventType::valueOf).toList(), e.status, secret, overlap, e.failingSince,
                e.disabledAt, e.version, e.createdAt, e.updatedAt);
    }
}
