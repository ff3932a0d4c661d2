package org.inclusionmatch.profile.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "WebhookAttempt", description = "One attempt to send a delivery: the endpoint's delivery log")
public record WebhookAttemptView(
        long id, UUID deliveryId, Instant at, int durationMs,
        @Schema(description = "The receiver's status code; null when no answer came (see error)") Integer statusCode,
        @Schema(description = "Why no answer came: timeout, refused address, unknown host, a connection error") String error,
        @Schema(description = "At most the first 256 bytes of the answer, control characters blanked") String responseExcerpt) {

    static WebhookAttemptView of(WebhookAttempt a) {
        return new WebhookAttemptView(a.id, a.deliveryId, a.at, a.durationMs, a.statusCode, a.error, a.responseExcerpt);
    }
}
