package org.inclusionmatch.profile.audit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.profile.common.persistence.GroupCommit;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Appends audit entries with group commit ({@link GroupCommit}, two writers): a writer takes every entry waiting,
 * inserts them as one JDBC batch and commits once; each request waits for the commit that holds its entry before it is answered, so an
 * access is durably recorded before its data leaves, and a request whose entry cannot be written fails (500)
 * instead. The entries have transactions of their own (not the request's), so a request that fails or is
 * refused is recorded all the same. Requests refused before they reach a worker thread (on the IO thread,
 * where waiting is not allowed) are recorded without waiting.
 * <p>
 * Why not one transaction per entry through the ORM: measured with JFR on the local stack, that was about 37% of
 * the CPU of an audited read (Hibernate's persist and Narayana's commit), and a commit per request.
 */
@Startup // its failure counter is exported (at 0) from the start, so an alert on its increase sees the first failure
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private static final String INSERT = "insert into audit_entry (at, subject, roles, organisation_id, operation, "
            + "resource_type, resource_id, outcome, http_status, person_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final int batchMax;
    private final Duration timeout;
    /** Entries that could not be written: any is an incident (alert InclusionAuditWriteFailures, deploy/k8s). */
    private final Counter failures;
    private final int writers;
    private GroupCommit<AuditEntry> writer;

    public AuditLog(AgroalDataSource dataSource,
                    @ConfigProperty(name = "inclusion.audit.batch-max", defaultValue = "500") int batchMax,
                    @ConfigProperty(name = "inclusion.audit.write-timeout", defaultValue = "10s") Duration timeout,
                    @ConfigProperty(name = "inclusion.audit.writers", defaultValue = "2") int writers,
                    MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.writers = writers;
        this.batchMax = batchMax;
        this.timeout = timeout;
        this.failures = Counter.builder("inclusion_audit_write_failures")
                .description("Audit entries that could not be committed").register(metrics);
    }

    @PostConstruct
    void start() {
        writer = new GroupCommit<>("audit-writer", writers, dataSource, batchMax, AuditLog::insert);
    }

    /** Writes what is waiting, then stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.stop();
    }

    /**
     * Records the entry. On a worker thread, returns once the entry is committed and throws
     * {@link AuditWriteFailed} when it could not be; on the IO thread, returns at once (a failure is logged).
     */
    public void append(AuditEntry entry) {
        CompletableFuture<Void> written = writer.submit(entry);
        if (!BlockingOperationControl.isBlockingAllowed()) {
            written.whenComplete((ok, failure) -> {
                if (failure != null) {
                    logFailure(entry, failure);
                }
            });
            return;
        }
        try {
            written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            logFailure(entry, e.getCause());
            throw new AuditWriteFailed(e.getCause());
        } catch (TimeoutException e) {
            logFailure(entry, e);
            throw new AuditWriteFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.increment();
            throw new AuditWriteFailed(e);
        }
    }

    private void logFailure(AuditEntry entry, Throwable failure) {
        failures.increment();
        // Loud, because a missing audit entry is a compliance failure; ids only, as in the entry itself.
        LOG.errorf("Could not write the audit entry for %s %s %s: %s", entry.operation, entry.resourceType,
                entry.resourceId, failure.getClass().getSimpleName());
    }

    private static void insert(Connection db, List<AuditEntry> batch) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            for (AuditEntry entry : batch) {
                bind(db, insert, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(Connection db, PreparedStatement insert, AuditEntry entry) throws SQLException {
        insert.setObject(1, OffsetDateTime.ofInstant(entry.at, ZoneOffset.UTC));
        insert.setString(2, entry.subject);
        insert.setString(3, entry.roles);
        insert.setObject(4, entry.organisationId, Types.OTHER);
        insert.setString(5, entry.operation);
        insert.setString(6, entry.resourceType);
        insert.setObject(7, entry.resourceId, Types.OTHER);
        insert.setString(8, entry.outcome);
        insert.setInt(9, entry.httpStatus);
        List<UUID> persons = entry.personIds == null ? List.of() : entry.personIds;
        insert.setArray(10, db.createArrayOf("uuid", persons.toArray()));
    }

    /** The access could not be recorded, so it must not be answered as if it had been. */
    public static class AuditWriteFailed extends RuntimeException {
        AuditWriteFailed(Throwable cause) {
            super("The access could not be recorded in the audit log", cause);
        }
    }
}
