package org.inclusionmatch.profile.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "WebhookDelivery", description = "One event for one endpoint: its webhook-id, and where its attempts stand")
public record WebhookDeliveryView(
        UUID id, @Schema(description = "The webhook-id header and the body's id") UUID messageId, String eventType,
        @Schema(description = "PENDING, DELIVERED or FAILED (given up after the retry period; redeliver sends it again)") String status,
        int attempts, @Schema(description = "When it is tried next (PENDING only)") Instant nextAttemptAt,
        Instant lastAttemptAt, Integer lastStatusCode, Instant deliveredAt, Instant createdAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.messageId, d.eventType, d.status, d.attempts,
                WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatusCode,
                d.deliveredAt, d.createdAt);
    }
}
