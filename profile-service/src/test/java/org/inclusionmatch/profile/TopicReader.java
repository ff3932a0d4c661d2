package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic of this test run from the beginning, as a consumer downstream would. */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String topicProperty) {
        var config = ConfigProvider.getConfig();
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", config.getValue("kafka.bootstrap.servers", String.class),
                "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(config.getValue(topicProperty, String.class)));
    }

    /** Everything read so far, after polling for up to {@code wait}. */
    public List<ConsumerRecord<String, String>> poll(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < end);
        return seen;
    }

    /** The envelopes read so far whose subject is {@code id}. */
    public List<JsonNode> eventsAbout(String id, Duration wait) {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : poll(wait)) {
            if (id.equals(record.key())) {
                try {
                    events.add(JSON.readTree(record.value()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return events;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
