package org.inclusionmatch.servers;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Puts dead-lettered records back on the topic they came from, after the fix that makes them processable:
 * <pre>
 *   DeadLetterReplay BOOTSTRAP DLQ_TOPIC [--dry-run] [--group NAME]
 * </pre>
 * Reads the DLQ from where the replay group last stopped up to its end as it is at start (records parked meanwhile
 * wait for the next run), prints one line per record (where it came from and why it was parked), and, unless
 * {@code --dry-run}, publishes each with its original key, value bytes and headers to the topic named by its
 * {@code dead-letter-topic} header, awaits the broker's acks and only then commits the group's offsets. A dry run
 * commits nothing. Consumers are idempotent, so replaying a record twice is harmless; a record that is still
 * poison is parked again by the worker.
 */
public final class DeadLetterReplay {

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DeadLetterReplay BOOTSTRAP DLQ_TOPIC [--dry-run] [--group NAME]");
            System.exit(2);
        }
        String bootstrap = args[0];
        String dlq = args[1];
        boolean dryRun = false;
        String group = "dead-letter-replay";
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--group" -> group = args[++i];
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.exit(replay(bootstrap, dlq, group, dryRun) >= 0 ? 0 : 1);
    }

    /** Returns how many records were (or, in a dry run, would be) replayed. */
    public static int replay(String bootstrap, String dlq, String group, boolean dryRun) throws Exception {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(30));
            Map<TopicPartition, Long> next = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    consumer.seek(tp, at.offset());
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
                next.put(tp, consumer.position(tp, Duration.ofSeconds(30)));
            }
            List<Future<?>> acks = new ArrayList<>();
            int count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> next.get(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the dead-letter topic to its end within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // parked after this run started
                    }
                    next.put(tp, record.offset() + 1);
                    String source = header(record, "dead-letter-topic");
                    if (source == null) {
                        source = dlq.endsWith(".dlq") ? dlq.substring(0, dlq.length() - 4) : null;
                    }
                    System.out.printf("%s %s-%d@%d -> %s (from %s-%s@%s at %s): %s%n", dryRun ? "would replay" : "replay",
                            record.topic(), record.partition(), record.offset(), source, header(record, "dead-letter-topic"),
                            header(record, "dead-letter-partition"), header(record, "dead-letter-offset"),
                            header(record, "dead-letter-time"), header(record, "dead-letter-reason"));
                    count++;
                    if (!dryRun && source != null) {
                        RecordHeaders headers = new RecordHeaders();
                        for (Header h : record.headers()) {
                            if (!h.key().startsWith("dead-letter-")) {
                                headers.add(h);
                            }
                        }
                        headers.add("dead-letter-replayed-from", (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
                        acks.add(producer.send(new ProducerRecord<>(source, null, record.key(), record.value(), headers)));
                    }
                }
                // stop early on partitions with nothing more to read
                partitions.stream().filter(tp -> next.get(tp) >= end.get(tp)).forEach(tp -> consumer.pause(List.of(tp)));
            }
            if (!dryRun) {
                for (Future<?> ack : acks) {
                    ack.get();
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                next.forEach((tp, offset) -> done.put(tp, new OffsetAndMetadata(offset)));
                consumer.commitSync(done);
            }
            System.out.printf("%s %d record(s) from %s%n", dryRun ? "Dry run: would replay" : "Replayed", count, dlq);
            return count;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
