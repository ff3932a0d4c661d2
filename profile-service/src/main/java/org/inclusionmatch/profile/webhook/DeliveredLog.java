package org.inclusionmatch.profile.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records successful attempts with group commit, as the audit log does: one writer thread takes every success waiting,
 * writes their attempts and marks their deliveries DELIVERED in one transaction, and each sender waits for the commit
 * that holds its own. Measured (bench/webhooks.sh): a transaction per success was most of the dispatcher's CPU. A failed
 * attempt is rarer and has more to decide (retry, give up, disable): {@link DeliveryRecorder} writes it alone.
 */
@ApplicationScoped
public class DeliveredLog {

    private static final int BATCH_MAX = 500;

    private record Success(WebhookDispatcher.Claimed delivery, Instant started, Instant ended, int statusCode, String excerpt,
                           CompletableFuture<Void> written) {
    }

    private final LinkedBlockingQueue<Success> queue = new LinkedBlockingQueue<>();
    private final AgroalDataSource dataSource;
    private volatile boolean running = true;
    private Thread writer;

    public DeliveredLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().name("webhook-delivered-log").daemon(true).start(this::writeLoop);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(Duration.ofSeconds(10));
    }

    /** Returns once the success is committed; throws when it could not be (the lease then sends it again). */
    void record(WebhookDispatcher.Claimed delivery, Instant started, Instant ended, int statusCode, String excerpt) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Success(delivery, started, ended, statusCode, excerpt, written));
        written.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private void writeLoop() {
        List<Success> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Success first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                write(batch);
                batch.forEach(success -> success.written().complete(null));
            } catch (InterruptedException e) {
                running = false;
            } catch (Throwable e) {
                batch.forEach(success -> success.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Success> batch) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement attempt = db.prepareStatement("insert into webhook_attempt (delivery_id, endpoint_id, at, "
                    + "duration_ms, status_code, error, response_excerpt) values (?, ?, ?, ?, ?, null, ?)");
                 PreparedStatement delivered = db.prepareStatement("update webhook_delivery set status = 'DELIVERED', "
                         + "attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, delivered_at = ? where id = ?");
                 PreparedStatement healthy = db.prepareStatement(
                         "update webhook_endpoint set failing_since = null where id = any(?) and failing_since is not null")) {
                Set<UUID> endpoints = new LinkedHashSet<>();
                for (Success s : batch) {
                    attempt.setObject(1, s.delivery().id());
                    attempt.setObject(2, s.delivery().endpointId());
                    attempt.setTimestamp(3, Timestamp.from(s.started()));
                    attempt.setInt(4, (int) Duration.between(s.started(), s.ended()).toMillis());
                    attempt.setInt(5, s.statusCode());
                    attempt.setObject(6, s.excerpt(), Types.VARCHAR);
                    attempt.addBatch();
                    delivered.setTimestamp(1, Timestamp.from(s.ended()));
                    delivered.setInt(2, s.statusCode());
                    delivered.setTimestamp(3, Timestamp.from(s.ended()));
                    delivered.setObject(4, s.delivery().id());
                    delivered.addBatch();
                    endpoints.add(s.delivery().endpointId());
                }
                attempt.executeBatch();
                delivered.executeBatch();
                healthy.setArray(1, db.createArrayOf("uuid", endpoints.toArray()));
                healthy.executeUpdate();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }
}
