package org.inclusionmatch.servers;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A dry run changes nothing; a replay puts every parked record back once, bytes and key unchanged. */
class DeadLetterReplayTest {

    @Test
    void dryRunThenReplayThenNothingLeft() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(Path.of("target").toAbsolutePath().resolve("kafka-replay-" + UUID.randomUUID()), 0, 3)) {
            String bootstrap = kafka.bootstrapServers();
            String source = "replay" + UUID.randomUUID().toString().substring(0, 8) + ".persons";
            byte[][] values = {{(byte) 0xFF, 0, 1}, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), {}};
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < values.length; i++) {
                    RecordHeaders headers = new RecordHeaders();
                    headers.add("dead-letter-topic", source.getBytes(StandardCharsets.UTF_8));
                    headers.add("dead-letter-reason", "test".getBytes(StandardCharsets.UTF_8));
                    headers.add("trace", ("t" + i).getBytes(StandardCharsets.UTF_8));
                    producer.send(new ProducerRecord<>(source + ".dlq", null, ("key" + i).getBytes(StandardCharsets.UTF_8),
                            values[i], headers)).get();
                }
                producer.send(new ProducerRecord<>(source, "existing".getBytes(StandardCharsets.UTF_8), new byte[]{1})).get();
            }

            assertEquals(3, DeadLetterReplay.replay(bootstrap, source + ".dlq", "replay", true));
            assertEquals(1, readAll(bootstrap, source, 1).size(), "a dry run publishes nothing");
            assertEquals(3, DeadLetterReplay.replay(bootstrap, source + ".dlq", "replay", false));
            List<ConsumerRecord<byte[], byte[]>> replayed = readAll(bootstrap, source, 4);
            assertEquals(4, replayed.size());
            for (int i = 0; i < values.length; i++) {
                String key = "key" + i;
                ConsumerRecord<byte[], byte[]> record = replayed.stream()
                        .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(key)).findFirst().orElseThrow();
                assertArrayEquals(values[i], record.value());
                assertNotNull(record.headers().lastHeader("trace"));
                assertEquals(null, record.headers().lastHeader("dead-letter-reason"));
            }
            assertEquals(0, DeadLetterReplay.replay(bootstrap, source + ".dlq", "replay", false), "already replayed");
        }
    }

    /** Reads until {@code expected} records came, then one more second for any extra (bounded by 15 s). */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int expected) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            return records;
        }
    }
}
