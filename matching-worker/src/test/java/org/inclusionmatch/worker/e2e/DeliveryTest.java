package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery without harm: poison events are parked with a reason, redeliveries change nothing. */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class DeliveryTest {

    @BeforeAll
    static void catalogue() throws Exception {
        Stack.importDemoCatalogue();
    }

    private static String createPerson(String org) {
        return Stack.caseworker(org).body(Stack.personBody()).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    /** Waits until the worker has stored recommendations computed from this profile version. */
    private static void awaitMatched(String org, String id, int profileVersion) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> recommendations = Stack.recommendations(org, id);
            return recommendations.get("computedAt") != null
                    && Integer.valueOf(profileVersion).equals(recommendations.get("profileVersion"));
        });
    }

    /** Waits until the worker's committed offset in the partition is past this offset: the worker is done with it. */
    private static void awaitCommittedPast(String topic, int partition, long offset) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Stack.committedOffset(topic, partition) > offset);
    }

    @Test
    void poisonEventsAreParkedLosslesslyWithWhereAndWhyAndTheNextGoodEventIsProcessed() throws Exception {
        String persons = Stack.topic("persons");
        String missingFields = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_UPDATED\"}";
        String unknownType = envelope("\"PERSON_TELEPORTED\"");
        String trailingSpace = envelope("\"PERSON_CREATED \"");
        String numericType = envelope("7");
        byte[] binary = {(byte) 0xFF, 0x00, (byte) 0xC3, 0x28, 0x7B, (byte) 0x80};
        String org = Stack.createOrganisation();
        String id = createPerson(org);
        awaitMatched(org, id, 0);

        // Keyed with the person's id, as profile-service keys the person's own events: the poison records sit in
        // the partition of this person's events, right before the next one.
        String key = id;
        List<byte[]> poison = List.of(utf8("this is not JSON"), utf8(missingFields), utf8(unknownType),
                utf8(trailingSpace), utf8(numericType), binary);
        List<RecordMetadata> sent = new ArrayList<>();
        for (byte[] value : poison) {
            sent.add(Stack.send(persons, utf8(key), value));
        }
        int partition = sent.get(0).partition();
        assertThat(sent).extracting(RecordMetadata::partition).containsOnly(partition);
        long lastPoison = sent.get(sent.size() - 1).offset();

        // the good event after them: the profile changes, profile-service publishes PERSON_UPDATED for it
        Map<String, Object> changed = Stack.personBody();
        changed.put("birthYear", 1963);
        Stack.caseworker(org).header("If-Match", "\"0\"").body(changed).put("/api/v1/persons/" + id).then().statusCode(200);
        ConsumerRecord<byte[], byte[]> good = first(persons, r -> Arrays.equals(r.key(), utf8(id)) && isUpdateOf(id, r.value()));
        assertThat(good.partition()).as("the good event's partition").isEqualTo(partition);
        assertThat(good.offset()).as("the good event comes after the poison").isGreaterThan(lastPoison);
        // the partition moves on: the good event is processed and the offset committed past it
        awaitMatched(org, id, 1);
        assertThat(Stack.recommendedCodes(org, id)).contains("BWISE-SUCCESSION");
        awaitCommittedPast(persons, partition, good.offset());

        // Parked concurrently, so in any order: put them back in the order of their source offsets.
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>(read(persons + ".dlq", poison.size()));
        assertThat(dead).hasSize(poison.size());
        dead.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(header(r, "dead-letter-offset"))));
        for (int i = 0; i < poison.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = dead.get(i);
            assertThat(record.value()).as("value bytes of poison record %d", i).isEqualTo(poison.get(i));
            assertThat(record.key()).isEqualTo(utf8(key));
            assertThat(header(record, "dead-letter-topic")).isEqualTo(persons);
            assertThat(header(record, "dead-letter-partition")).isEqualTo(Integer.toString(partition));
            assertThat(header(record, "dead-letter-offset")).isEqualTo(Long.toString(sent.get(i).offset()));
            assertThat(Instant.parse(header(record, "dead-letter-time"))).isBefore(Instant.now().plusSeconds(1));
            assertThat(header(record, "dead-letter-reason")).isNotBlank();
        }
        assertThat(dead).extracting(r -> header(r, "dead-letter-offset")).doesNotHaveDuplicates();
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("not an event envelope");
        assertThat(header(dead.get(3), "dead-letter-reason")).contains("unknown type 'PERSON_CREATED\\u0020'");
        assertThat(header(dead.get(4), "dead-letter-reason")).contains("type must be a string");
        assertThat(header(dead.get(5), "dead-letter-reason")).contains("UTF-8");

        RecordMetadata broken = Stack.send(Stack.topic("catalogue"), utf8(key), utf8("{ broken"));
        // the catalogue consumer moves past it too (and has parked it by then)
        awaitCommittedPast(broken.topic(), broken.partition(), broken.offset());
        List<ConsumerRecord<byte[], byte[]>> catalogueDead = read(Stack.topic("catalogue") + ".dlq", 1);
        assertThat(catalogueDead).as("parked once").filteredOn(r -> header(r, "dead-letter-offset").equals(Long.toString(broken.offset()))
                && header(r, "dead-letter-partition").equals(Integer.toString(broken.partition()))).hasSize(1);
        assertThat(catalogueDead.get(0).value()).isEqualTo(utf8("{ broken"));
        assertThat(catalogueDead.get(0).key()).isEqualTo(utf8(key));
        assertThat(header(catalogueDead.get(0), "dead-letter-topic")).isEqualTo(Stack.topic("catalogue"));
        assertThat(header(catalogueDead.get(0), "dead-letter-offset")).matches("\\d+");
    }

    /** Whether the value is profile-service's PERSON_UPDATED envelope about this person (not a poison look-alike). */
    private static boolean isUpdateOf(String id, byte[] value) {
        try {
            var envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
            return "PERSON_UPDATED".equals(envelope.path("type").asText()) && id.equals(envelope.path("subject").asText());
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    private static String envelope(String typeJson) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":" + typeJson + ",\"source\":\"x\","
                + "\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + UUID.randomUUID() + "\",\"aggregateVersion\":1}";
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String org = Stack.createOrganisation();
        String id = createPerson(org);
        awaitMatched(org, id, 0);
        Map<String, Object> before = Stack.recommendations(org, id);

        String redelivered = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_CREATED\",\"source\":\"profile-service\","
                + "\"time\":\"" + Instant.now() + "\",\"subject\":\"" + id + "\",\"aggregateVersion\":0}";
        RecordMetadata last = null;
        for (int i = 0; i < 3; i++) {
            last = Stack.send(Stack.topic("persons"), utf8(id), utf8(redelivered));
        }
        // No sleep: wait until the worker has committed past the last duplicate, so it has processed all three.
        awaitCommittedPast(last.topic(), last.partition(), last.offset());

        Map<String, Object> after = Stack.recommendations(org, id);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("computedAt")).isEqualTo(before.get("computedAt"));
        assertThat(after.get("recommendations")).isEqualTo(before.get("recommendations"));
    }

    /** The first record of the topic (any partition, from the beginning) that matches, waiting for it to arrive. */
    private static ConsumerRecord<byte[], byte[]> first(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.test(r)) found.add(r);
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /**
     * Every record of the topic (all partitions, from the beginning), once there are at least this many, read up to
     * the partitions' ends. Callers read only after the worker has committed past the records it parks (a park is
     * awaited before the record's offset may be committed), so every record it parked for them, duplicates
     * included, is on the topic by then and within those ends: no extra second of polling is needed to see more.
     */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int atLeast) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                if (partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    return true;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return false;
            });
            return records;
        }
    }
}
