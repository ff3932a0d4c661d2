package org.inclusionmatch.profile.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, written by {@link WebhookFanout} and sent by {@link WebhookDispatcher}. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    /** The webhook-id: the same on every attempt and redelivery. */
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
