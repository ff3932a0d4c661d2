package org.inclusionmatch.profile.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the relay is behind: unsent rows and the age of the oldest, as Prometheus gauges
 * ({@code inclusion_outbox_backlog_rows}, {@code inclusion_outbox_lag_seconds}) and, through {@link OutboxRelayCheck}, at
 * {@code /q/health/well}. Deliberately not readiness: the outbox exists so that writes go on
 * while Kafka is away, so a backlog is an alert for ops, never a reason to take the API out of rotation.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final DataSource dataSource;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong lagSeconds = new AtomicLong();
    private final AtomicReference<Instant> measuredAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastPublished = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;

    public OutboxBacklog(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        // Strong references: a gauge holds its state weakly by default, and a registry that outlives this bean (a test
        // JVM restarting Quarkus between profiles) would then answer NaN, which the scrape leaves out.
        Gauge.builder("inclusion_outbox_backlog_rows", rows, AtomicLong::get).strongReference(true)
                .description("Outbox rows not yet published to Kafka").register(metrics);
        Gauge.builder("inclusion_outbox_lag_seconds", lagSeconds, AtomicLong::get).strongReference(true)
                .description("Age of the oldest outbox row not yet published (0 when none)").register(metrics);
        this.published = Counter.builder("inclusion_outbox_published_rows")
                .description("Outbox rows published to Kafka by this instance").register(metrics);
        this.failures = Counter.builder("inclusion_outbox_relay_failures")
                .description("Relay runs that failed (broker or database away); the rows stay and are retried").register(metrics);
    }

    void relayed(int count) {
        if (count > 0) {
            published.increment(count);
            lastPublished.set(Instant.now());
        }
        lastFailure.set(null);
    }

    void relayFailed(String what) {
        failures.increment();
        lastFailure.set(what);
    }

    @Scheduled(every = "${inclusion.outbox.backlog-interval:5s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                     + " from outbox_event where sent_at is null")) {
            r.next();
            rows.set(r.getLong(1));
            lagSeconds.set((long) Math.floor(r.getDouble(2)));
            measuredAt.set(Instant.now());
        } catch (SQLException e) {
            // The database readiness check reports this; keep the last figures.
            LOG.debugf("Outbox backlog not measured: %s", e.getClass().getSimpleName());
        }
    }

    long rows() {
        return rows.get();
    }

    long lagSeconds() {
        return lagSeconds.get();
    }

    long published() {
        return (long) published.count();
    }

    long failures() {
        return (long) failures.count();
    }

    Instant measuredAt() {
        return measuredAt.get();
    }

    Instant lastPublished() {
        return lastPublished.get();
    }

    String lastFailure() {
        return lastFailure.get();
    }
}
