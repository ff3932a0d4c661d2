package org.inclusionmatch.contracts.webhooks;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of every webhook delivery; schema: schemas/webhook-event.v1.json. As small as the Kafka envelope: ids, type,
 * time, version; never a profile field. Read what changed through the API (authorised and audited).
 *
 * @param id             the same as the {@code webhook-id} header; unique per event and organisation, the same on
 *                       every retry and redelivery: use it to ignore repeats
 * @param type           what happened
 * @param time           when the change was committed
 * @param organisationId the receiving organisation
 * @param subject        the id of what changed: a person, programme, measure, referral or webhook endpoint
 * @param subjectVersion its version after the change
 * @param status         for referral events, the referral's status after the move; null otherwise
 * @param reason         for REFERRAL_DECLINED, the reason code (never the note); null otherwise
 */
public record WebhookEvent(UUID id, WebhookEventType type, Instant time, UUID organisationId, UUID subject,
                           long subjectVersion, String status, String reason) {

    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(subject, "subject");
    }
}
