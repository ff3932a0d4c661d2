package org.inclusionmatch.profile.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries (where {@code inclusion.webhooks.dispatch.enabled}: the dispatcher Deployment). Each round claims
 * what is due, at most as many per endpoint as that endpoint has free places (its bounded concurrency) and in all as
 * many as this instance has; a claim is a lease (the next attempt time moves past the request deadline), so an instance
 * that dies mid-send leaves its deliveries to be sent again, and several instances never send the same one at once.
 * Each delivery is a virtual thread: resolve and check the address, send, record the attempt. A slow endpoint fills
 * only its own places; the API's threads are never used.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private static final String CLAIM = """
            update webhook_delivery d set next_attempt_at = now() + cast(? as interval)
              from (select x.id from webhook_endpoint e
                      left join unnest(cast(? as uuid[]), cast(? as int[])) as busy(endpoint_id, free) on busy.endpoint_id = e.id
                      cross join lateral (select id from webhook_delivery x
                                           where x.endpoint_id = e.id and x.status = 'PENDING' and x.next_attempt_at <= now()
                                           order by x.next_attempt_at limit coalesce(busy.free, ?)) x
                     where e.status = 'ACTIVE'
                     limit ?) picked, webhook_endpoint e
             where d.id = picked.id and e.id = d.endpoint_id and d.status = 'PENDING' and d.next_attempt_at <= now()
            returning d.id, d.endpoint_id, d.message_id, d.payload, d.attempts, d.created_at, e.url, e.secret,
                      e.previous_secret, e.previous_secret_until""";

    /** A claimed delivery with what sending it needs. */
    record Claimed(UUID id, UUID endpointId, UUID messageId, String payload, int attempts, Instant createdAt, String url,
                   List<String> secrets) {
    }

    private final DataSource dataSource;
    private final TargetPolicy policy;
    private final WebhookSender sender;
    private final DeliveryRecorder recorder;
    private final boolean enabled;
    private final int perEndpoint;
    private final int maxInFlight;
    private final String lease;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("webhook-dispatch").daemon(true).unstarted(r));
    private final ExecutorService deliveries = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 0).factory());

    public WebhookDispatcher(DataSource dataSource, TargetPolicy policy, WebhookSender sender, DeliveryRecorder recorder,
                             WebhookConfig config) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.sender = sender;
        this.recorder = recorder;
        this.enabled = config.dispatch().enabled();
        this.perEndpoint = config.dispatch().perEndpointConcurrency();
        this.maxInFlight = config.dispatch().maxInFlight();
        long leaseSeconds = config.dispatch().requestTimeout().toSeconds() * 2 + 30;
        this.lease = leaseSeconds + " seconds";
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookFanout.DeliveriesWritten written) {
        wakeUp();
    }

    @Scheduled(every = "${inclusion.webhooks.dispatch.poll-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        wakeUp();
    }

    /** Queues one round unless one is waiting already; the single loop thread keeps rounds apart. */
    void wakeUp() {
        if (enabled && !loop.isShutdown() && wakeUpPending.compareAndSet(false, true)) {
            loop.execute(() -> {
                wakeUpPending.set(false);
                try {
                    round();
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Webhook dispatch round failed, will retry: %s", e.getClass().getSimpleName());
                }
            });
        }
    }

    private void round() throws SQLException {
        int free = maxInFlight - total.get();
        if (free <= 0 || deliveries.isShutdown()) {
            return;
        }
        for (Claimed claimed : claim(free)) {
            inFlight.computeIfAbsent(claimed.endpointId(), id -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            deliveries.execute(() -> {
                try {
                    deliver(claimed);
                } finally {
                    inFlight.get(claimed.endpointId()).decrementAndGet();
                    total.decrementAndGet();
                    wakeUp(); // a place is free: there may be more due
                }
            });
        }
    }

    private List<Claimed> claim(int limit) throws SQLException {
        List<UUID> busy = new ArrayList<>();
        List<Integer> room = new ArrayList<>();
        inFlight.forEach((endpoint, count) -> {
            if (count.get() > 0) {
                busy.add(endpoint);
                room.add(Math.max(0, perEndpoint - count.get()));
            }
        });
        List<Claimed> claimed = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement claim = db.prepareStatement(CLAIM)) {
            Array busyIds = db.createArrayOf("uuid", busy.toArray());
            Array busyRoom = db.createArrayOf("int4", room.toArray());
            claim.setString(1, lease);
            claim.setArray(2, busyIds);
            claim.setArray(3, busyRoom);
            claim.setInt(4, perEndpoint);
            claim.setInt(5, limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    List<String> secrets = new ArrayList<>(List.of(rows.getString(8)));
                    Timestamp previousUntil = rows.getTimestamp(10);
                    if (rows.getString(9) != null && previousUntil != null && previousUntil.toInstant().isAfter(Instant.now())) {
                        secrets.add(rows.getString(9));
                    }
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class), rows.getString(4), rows.getInt(5),
                            rows.getTimestamp(6).toInstant(), rows.getString(7), secrets));
                }
            }
        }
        return claimed;
    }

    /** One attempt: a refused or unresolvable address fails it like a receiver that does not answer. */
    private void deliver(Claimed delivery) {
        Instant started = Instant.now();
        WebhookSender.Result result;
        try {
            URI url = URI.create(delivery.url());
            InetAddress address = policy.resolve(url.getHost());
            long timestamp = started.getEpochSecond();
            Map<String, String> headers = Map.of(
                    "webhook-id", delivery.messageId().toString(),
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.messageId().toString(), timestamp, delivery.payload()),
                    "user-agent", "InclusionMatch-Webhooks/1");
            result = sender.send(url, address, headers, delivery.payload()).toCompletionStage().toCompletableFuture().join();
        } catch (TargetPolicy.RefusedAddress e) {
            result = new WebhookSender.Result(null, "refused address", null);
        } catch (java.net.UnknownHostException e) {
            result = new WebhookSender.Result(null, "unknown host", null);
        } catch (RuntimeException e) {
            result = new WebhookSender.Result(null, WebhookSender.describe(e), null);
        }
        try {
            recorder.record(delivery, started, result);
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is sent again: at least once, never lost.
            LOG.warnf("Webhook attempt not recorded, it will be sent again: %s", e.getClass().getSimpleName());
        }
    }

    /** Deliveries this instance is sending now. */
    int inFlight() {
        return total.get();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.shutdown();
        deliveries.shutdown();
    }
}
