package org.inclusionmatch.worker.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Parks a record that can never be processed on {@code <source topic>.dlq}, exactly as it came: the same key and
 * value bytes and headers, plus headers naming where it came from and why (the names SmallRye's own dead-letter
 * strategy uses, plus the time). The send is awaited before the caller lets the offset be committed, so a record is
 * always either processed, parked, or still on its topic. One WARN line per record, no stack trace, no value.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String TIME = "dead-letter-time";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Retried without limit: a broker that is briefly away must not turn a parked record into a lost one. */
    @Retry(maxRetries = -1, maxDuration = 0, delay = 500, jitter = 200)
    @ExponentialBackoff(maxDelay = 10_000)
    public void park(ConsumerRecord<byte[], byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        headers.add(TIME, utf8(Instant.now().toString()));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(record.topic() + ".dlq")
                .withHeaders(headers);
        if (record.key() != null) {
            metadata.withKey(record.key());
        }
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata.build()));
        LOG.warnf("Dead-lettered %s-%d@%d to %s.dlq: %s", record.topic(), record.partition(), record.offset(),
                record.topic(), reason);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
