package org.inclusionmatch.profile.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.contracts.webhooks.WebhookEventType;

import java.util.List;

@Schema(name = "WebhookEndpointRequest", description = "Where your organisation's events go, and which ones.")
public record WebhookEndpointRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "Absolute https URL (no user information, no fragment) on an allowed port; "
                + "loopback, private, link-local and other special-purpose addresses are refused, here and at every delivery")
        String url,
        @NotEmpty @Size(max = 16) @Schema(description = "The event types to receive")
        List<@NotNull WebhookEventType> eventTypes,
        @Size(max = 200) @Schema(description = "A note for your own staff") String description,
        @Schema(description = "ACTIVE (the default) or PAUSED: a paused endpoint keeps its deliveries and gets them once "
                + "resumed; a DISABLED one is resumed by setting ACTIVE. DISABLED is set only by the service")
        WebhookEndpoint.Status status) {
}
