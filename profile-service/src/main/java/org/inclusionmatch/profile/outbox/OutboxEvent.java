package org.inclusionmatch.profile.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting to be published (sentAt null) or already published. Columns named as in Debezium's outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Commit order, assigned by the database (bigserial). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String aggregatetype;
    public String aggregateid;
    public String type;
    public String topic;
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The W3C traceparent of the request that wrote the row (null outside a trace); the relay publishes in it. */
    public String traceparent;
}
