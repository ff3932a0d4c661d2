package org.inclusionmatch.profile.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.inclusionmatch.contracts.webhooks.WebhookEventType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records an attempt in the delivery log and what follows from it: delivered (by {@link DeliveredLog}, in batches); or,
 * in a transaction of its own, tried again later ({@link RetrySchedule}) or given up. An endpoint whose attempts have all failed for {@code disable-after} is disabled,
 * and its organisation's other endpoints hear of it (WEBHOOK_ENDPOINT_DISABLED).
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);

    private final EntityManager entityManager;
    private final WebhookFanout fanout;
    private final DeliveredLog deliveredLog;
    private final WebhookMetrics metrics;
    private final RetrySchedule retries;
    private final Duration disableAfter;

    public DeliveryRecorder(EntityManager entityManager, WebhookFanout fanout, DeliveredLog deliveredLog, WebhookMetrics metrics,
                            WebhookConfig config) {
        this.entityManager = entityManager;
        this.fanout = fanout;
        this.deliveredLog = deliveredLog;
        this.metrics = metrics;
        this.retries = RetrySchedule.of(config.dispatch());
        this.disableAfter = config.dispatch().disableAfter();
    }

    void record(WebhookDispatcher.Claimed delivery, Instant started, WebhookSender.Result result) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (result.delivered()) {
            deliveredLog.record(delivery, started, now, result.statusCode(), result.excerpt());
            metrics.delivered();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into webhook_attempt (delivery_id, endpoint_id, at, duration_ms, status_code, error, response_excerpt)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, delivery.id()).setParameter(2, delivery.endpointId()).setParameter(3, started)
                    .setParameter(4, (int) Duration.between(started, now).toMillis())
                    .setParameter(5, result.statusCode()).setParameter(6, result.error()).setParameter(7, result.excerpt())
                    .executeUpdate();
            failed(delivery, now, result.statusCode());
        });
    }

    private void failed(WebhookDispatcher.Claimed delivery, Instant now, Integer statusCode) {
        Instant next = retries.next(delivery.attempts() + 1, delivery.createdAt(), now);
        entityManager.createNativeQuery("""
                        update webhook_delivery set status = ?2, attempts = attempts + 1, last_attempt_at = ?3,
                               last_status_code = ?4, next_attempt_at = coalesce(?5, next_attempt_at) where id = ?1""")
                .setParameter(1, delivery.id()).setParameter(2, next == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING)
                .setParameter(3, now).setParameter(4, statusCode).setParameter(5, next).executeUpdate();
        if (next == null) {
            metrics.givenUp();
        } else {
            metrics.willRetry();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> disabled = entityManager.createNativeQuery("""
                        update webhook_endpoint set failing_since = coalesce(failing_since, ?2),
                               status = case when status = 'ACTIVE' and coalesce(failing_since, ?2) <= ?3 then 'DISABLED' else status end,
                               disabled_at = case when status = 'ACTIVE' and coalesce(failing_since, ?2) <= ?3 then ?2 else disabled_at end,
                               version = case when status = 'ACTIVE' and coalesce(failing_since, ?2) <= ?3 then version + 1 else version end
                         where id = ?1 returning status = 'DISABLED' and disabled_at = ?2, organisation_id, version""")
                .setParameter(1, delivery.endpointId()).setParameter(2, now).setParameter(3, now.minus(disableAfter))
                .getResultList();
        if (!disabled.isEmpty() && Boolean.TRUE.equals(disabled.getFirst()[0])) { // disabled by this attempt
            UUID organisation = (UUID) disabled.getFirst()[1];
            long version = ((Number) disabled.getFirst()[2]).longValue();
            LOG.warnf("Webhook endpoint %s disabled: every attempt failed for %s", delivery.endpointId(), disableAfter);
            fanout.write(new WebhookNotices.Notice(WebhookEventType.WEBHOOK_ENDPOINT_DISABLED, organisation,
                    delivery.endpointId(), version, "DISABLED", null), delivery.endpointId());
        }
    }
}
