package org.inclusionmatch.profile.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organisation's webhook endpoint: where its events go, which ones, and the secrets that sign them. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends VersionedEntity {

    @Schema(name = "WebhookEndpointStatus")
    public enum Status {
        /** Deliveries are sent. */
        ACTIVE,
        /** Paused by the organisation: deliveries are kept and sent after it resumes. */
        PAUSED,
        /** Failed for too long: no new deliveries are made until the organisation resumes it. */
        DISABLED
    }

    @Column(name = "organisation_id")
    public UUID organisationId;

    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public List<String> eventTypes;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + "]"; // never the secret
    }
}
