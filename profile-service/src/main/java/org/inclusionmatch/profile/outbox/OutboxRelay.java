package org.inclusionmatch.profile.outbox;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent. Rows are locked while they are sent
 * (SKIP LOCKED), so several service instances can relay side by side. A crash between the broker's ack and the
 * mark re-publishes the batch: delivery is at least once, and consumers ignore what they have seen.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;
    private final int batchSize;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "inclusion.outbox.batch-size") int batchSize) {
        this.emitter = emitter;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${inclusion.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            while (relayBatch() == batchSize) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            // The rows stay unsent and the next poll tries again; only the type, never a payload.
            LOG.warnf("Outbox relay failed, will retry: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends one batch and marks it sent; returns how many rows it sent. */
    @Transactional
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = Panache.getEntityManager()
                .createNativeQuery("select * from outbox_event where sent_at is null order by seq limit ?1 for update skip locked",
                        OutboxEvent.class)
                .setParameter(1, batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        // Sent together and awaited together: the idempotent producer keeps each key's order within a partition.
        List<Uni<Void>> acks = batch.stream().map(this::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        Instant now = Instant.now();
        batch.forEach(event -> event.sentAt = now);
        return batch.size();
    }

    private Uni<Void> send(OutboxEvent event) {
        return emitter.sendMessage(Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateid)
                .withTopic(event.topic)
                .build()));
    }
}
