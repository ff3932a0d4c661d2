package org.inclusionmatch.profile.webhook;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery as Prometheus sees it: attempts by result ({@code inclusion_webhook_deliveries_total{result}}:
 * delivered, retry, failed), the retry queue (pending deliveries that failed at least once), the age of the oldest
 * delivery of an active endpoint not yet tried once (the dispatcher's lag, whatever receivers do), and disabled endpoints. The gauges are measured by the dispatcher instances.
 */
@ApplicationScoped
public class WebhookMetrics {

    private static final Logger LOG = Logger.getLogger(WebhookMetrics.class);

    private final DataSource dataSource;
    private final boolean dispatching;
    private final Counter delivered;
    private final Counter retry;
    private final Counter failed;
    private final AtomicLong retryQueue = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong disabledEndpoints = new AtomicLong();

    public WebhookMetrics(DataSource dataSource, MeterRegistry metrics, WebhookConfig config) {
        this.dataSource = dataSource;
        this.dispatching = config.dispatch().enabled();
        this.delivered = result(metrics, "delivered");
        this.retry = result(metrics, "retry");
        this.failed = result(metrics, "failed");
        // strong references, as OutboxBacklog explains
        Gauge.builder("inclusion_webhook_retry_queue", retryQueue, AtomicLong::get).strongReference(true)
                .description("Pending webhook deliveries that failed at least once").register(metrics);
        Gauge.builder("inclusion_webhook_oldest_pending_seconds", oldestPendingSeconds, AtomicLong::get).strongReference(true)
                .description("Age of the oldest delivery of an active endpoint not yet tried once (0 when none): the dispatcher's lag").register(metrics);
        Gauge.builder("inclusion_webhook_endpoints_disabled", disabledEndpoints, AtomicLong::get).strongReference(true)
                .description("Webhook endpoints disabled after failing too long").register(metrics);
    }

    private static Counter result(MeterRegistry metrics, String result) {
        return Counter.builder("inclusion_webhook_deliveries").tag("result", result)
                .description("Webhook delivery attempts by result: delivered, retry (failed, tried again later), failed (given up)")
                .register(metrics);
    }

    void delivered() {
        delivered.increment();
    }

    void willRetry() {
        retry.increment();
    }

    void givenUp() {
        failed.increment();
    }

    @Scheduled(every = "${inclusion.webhooks.metrics-interval:15s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measure() {
        if (!dispatching) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select (select count(*) from webhook_delivery where status = 'PENDING' and attempts > 0),
                            (select coalesce(extract(epoch from now() - min(d.created_at)), 0) from webhook_delivery d
                               join webhook_endpoint e on e.id = d.endpoint_id
                                where d.status = 'PENDING' and d.attempts = 0 and e.status = 'ACTIVE'),
                            (select count(*) from webhook_endpoint where status = 'DISABLED')""")) {
            r.next();
            retryQueue.set(r.getLong(1));
            oldestPendingSeconds.set((long) Math.floor(r.getDouble(2)));
            disabledEndpoints.set(r.getLong(3));
        } catch (SQLException e) {
            LOG.debugf("Webhook figures not measured: %s", e.getClass().getSimpleName());
        }
    }
}
