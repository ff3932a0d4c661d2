package org.inclusionmatch.profile.common.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What every stored resource has: a server-assigned id, a version for ETags and If-Match, and timestamps. */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    /**
     * Removes the row after raising its version once more in the database (a locking update), so that the removal
     * has a version of its own, after every earlier change, and the event announcing it reads that version.
     */
    public void deleteAsNextVersion() {
        Panache.getEntityManager(getClass()).lock(this, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        delete();
    }

    /**
     * PostgreSQL keeps microseconds; the JVM's clock has nanoseconds. Truncated here, the response to a create is
     * the same as every later read of the record (an idempotent replay, say), not a few nanoseconds apart.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
