package org.inclusionmatch.profile.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt to send a delivery: the endpoint's delivery log. Written by the dispatcher with plain JDBC. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    public Instant at;

    @Column(name = "duration_ms")
    public int durationMs;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "response_excerpt")
    public String responseExcerpt;
}
