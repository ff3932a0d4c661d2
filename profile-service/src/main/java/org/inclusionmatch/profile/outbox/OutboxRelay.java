package org.inclusionmatch.profile.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. It wakes right after each commit that wrote
 * a row, and also polls, for rows another instance or a failed attempt left behind. One relay at a time across
 * all instances (a PostgreSQL advisory lock), so each aggregate's events keep their order. A crash between the
 * broker's ack and the mark re-publishes the batch: delivery is at least once, and consumers ignore repeats.
 * <p>
 * Each record is published in the trace of the request that wrote its row: an "outbox publish" span, child of the
 * row's traceparent, is the parent of the Kafka producer span, whose context the connector writes into the record's
 * {@code traceparent} header. A row written outside a trace is published without one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** Any constant works: it names the one advisory lock the relays of all instances share. */
    private static final long RELAY_LOCK = 0x1c1_0b0c;
    private static final String TRY_LOCK = "select pg_try_advisory_lock(?)";
    private static final String UNLOCK = "select pg_advisory_unlock(?)";
    static final String PUBLISH_SPAN = "outbox publish";
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return Set.of("traceparent");
        }

        @Override
        public String get(String traceparent, String key) {
            return "traceparent".equals(key) ? traceparent : null;
        }
    };

    private final MutinyEmitter<String> emitter;
    private final DataSource dataSource;
    private final int batchSize;
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final OutboxBacklog backlog;
    private final Tracer tracer;
    /** Runs between the broker's ack and the mark; a test makes it fail to play a crash at the worst moment. */
    private volatile Runnable afterAck = () -> { };

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, DataSource dataSource,
                       OutboxConfig.Relay config, OutboxBacklog backlog, OpenTelemetry openTelemetry) {
        this.emitter = emitter;
        this.tracer = openTelemetry.getTracer("org.inclusionmatch.profile.outbox");
        this.dataSource = dataSource;
        this.batchSize = config.batchSize();
        this.backlog = backlog;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp();
    }

    @Scheduled(every = "${inclusion.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        wakeUp();
    }

    /** Queues one relay run unless one is already waiting; the single relay thread keeps runs apart. */
    private void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            relayThread.execute(() -> {
                wakeUpPending.set(false);
                relayAll();
            });
        }
    }

    private void relayAll() {
        try {
            int sent;
            do {
                sent = relayBatch();
                backlog.relayed(sent);
            } while (sent == batchSize); // a full batch: there may be more waiting
        } catch (RuntimeException e) {
            // The rows stay unsent and the next run tries again; only the type, never a payload.
            LOG.warnf("Outbox relay failed, will retry: %s", e.getClass().getSimpleName());
            backlog.relayFailed(e.getClass().getSimpleName());
        }
    }

    /**
     * Sends one batch and marks it sent; returns how many rows it sent (0 when another instance's relay is busy).
     * No transaction is open while waiting for the broker; a session advisory lock on a connection of its own
     * keeps the relays of all instances apart for the whole load-send-mark cycle.
     */
    int relayBatch() {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true); // each statement its own transaction: none is open while waiting for the broker
            if (!advisoryLock(db, TRY_LOCK)) {
                return 0;
            }
            try {
                List<Unsent> batch = unsent(db);
                if (batch.isEmpty()) {
                    return 0;
                }
                // Sent together and awaited together: the idempotent producer keeps each key's order within a partition.
                List<Uni<Void>> acks = batch.stream().map(this::send).toList();
                Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
                afterAck.run();
                markSent(db, batch);
                return batch.size();
            } finally {
                advisoryLock(db, UNLOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox relay cannot reach the database", e);
        }
    }

    /** A row waiting to be published: what the record needs, read with plain JDBC (the ORM was most of the relay's time). */
    private record Unsent(UUID id, String type, String key, String topic, String payload, String traceparent) {
    }

    private List<Unsent> unsent(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select id, type, aggregateid, topic, payload, traceparent "
                + "from outbox_event where sent_at is null order by seq limit ?")) {
            select.setInt(1, batchSize);
            List<Unsent> batch = new ArrayList<>(batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Unsent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
            return batch;
        }
    }

    private static void markSent(Connection db, List<Unsent> batch) throws SQLException {
        try (PreparedStatement mark = db.prepareStatement("update outbox_event set sent_at = now() where id = any(?)")) {
            mark.setArray(1, db.createArrayOf("uuid", batch.stream().map(Unsent::id).toArray()));
            mark.executeUpdate();
        }
    }

    /** For tests only: {@code hook} runs after the next acks and before their rows are marked sent. */
    void afterAck(Runnable hook) {
        afterAck = hook;
    }

    private static boolean advisoryLock(Connection connection, String statementSql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Uni<Void> send(Unsent event) {
        Message<String> message = Message.of(event.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key())
                .withTopic(event.topic())
                .build());
        if (event.traceparent() == null) {
            return emitter.sendMessage(message);
        }
        // Only ids as attributes: the event's type and topic, never the payload.
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent(), TRACEPARENT);
        Span span = tracer.spanBuilder(PUBLISH_SPAN).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("inclusion.event.type", event.type())
                .setAttribute("messaging.destination.name", event.topic())
                .startSpan();
        Context publish = parent.with(span);
        return emitter.sendMessage(message.addMetadata(TracingMetadata.with(publish, parent)))
                .onTermination().invoke(span::end);
    }

    void onStop(@Observes ShutdownEvent event) {
        relayThread.shutdown();
    }
}
