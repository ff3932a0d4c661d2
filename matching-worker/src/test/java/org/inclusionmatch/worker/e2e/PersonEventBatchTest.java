package org.inclusionmatch.worker.e2e;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Vetoed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Person events matched in batches, with the guarantees of one at a time: in a batch, a poison record is parked alone
 * and the others are stored, a result computed from a profile that changed meanwhile is refused as stale alone and
 * the others are stored, and a redelivered batch changes nothing. Each batch is sent as one producer batch to one
 * partition (the broker appends it as one record batch, so the worker's next poll returns all of it together).
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class PersonEventBatchTest {

    @BeforeAll
    static void catalogue() throws Exception {
        Stack.importDemoCatalogue();
    }

    @Test
    void aPoisonRecordInABatchIsParkedAloneAndTheOthersAreStored() throws Exception {
        String org = Stack.createOrganisation();
        List<String> persons = createMatched(org, 3);
        forgetRecommendations(persons);
        assertThat(Stack.recommendations(org, persons.get(0))).containsEntry("computedAt", null);

        byte[] wrongTopic = envelope("MEASURE_CREATED", UUID.randomUUID().toString(), 0);
        List<RecordMetadata> batch = sendBatch(List.of(envelope("PERSON_UPDATED", persons.get(0), 0), utf8("{ not an envelope"),
                envelope("PERSON_CREATED", persons.get(1), 0), wrongTopic, envelope("PERSON_UPDATED", persons.get(2), 0)));
        awaitCommittedPast(batch.get(batch.size() - 1));

        for (String person : persons) {
            assertThat(Stack.recommendations(org, person)).as("recommendations of " + person)
                    .containsEntry("profileVersion", 0).extractingByKey("computedAt").isNotNull();
        }
        Map<Long, ConsumerRecord<byte[], byte[]>> parked = parkedFrom(batch.get(0));
        assertThat(parked.keySet()).as("offsets parked of the batch's")
                .containsExactlyInAnyOrder(batch.get(1).offset(), batch.get(3).offset());
        assertThat(parked.get(batch.get(1).offset()).value()).isEqualTo(utf8("{ not an envelope"));
        assertThat(parked.get(batch.get(3).offset()).value()).isEqualTo(wrongTopic);
    }

    @Test
    void aStaleResultInABatchIsSkippedAloneAndTheOthersAreStored() throws Exception {
        String org = Stack.createOrganisation();
        List<String> persons = createMatched(org, 3);
        forgetRecommendations(persons);
        String stale = persons.get(1);

        // The profile changes after the worker read the batch's views and before it stores the results.
        ProfileServiceClient real = ClientProxy.unwrap(Arc.container().instance(ProfileServiceClient.class).get());
        List<ApiModels.StoreResult> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean changed = new AtomicBoolean();
        QuarkusMock.installMockForType(new Delegating(real) {
            @Override
            public ApiModels.StoreResult storeRecommendations(List<ApiModels.StoreItem> items) {
                boolean concerned = items.stream().anyMatch(item -> item.personId().toString().equals(stale));
                if (concerned && changed.compareAndSet(false, true)) {
                    Map<String, Object> body = Stack.personBody();
                    body.put("birthYear", 1963);
                    Stack.caseworker(org).header("If-Match", "\"0\"").body(body).put("/api/v1/persons/" + stale)
                            .then().statusCode(200);
                }
                ApiModels.StoreResult answer = super.storeRecommendations(items);
                if (concerned) {
                    answers.add(answer);
                }
                return answer;
            }
        }, ProfileServiceClient.class);

        List<RecordMetadata> batch = sendBatch(persons.stream().map(p -> envelope("PERSON_UPDATED", p, 0)).toList());
        awaitCommittedPast(batch.get(batch.size() - 1));

        assertThat(answers).as("the batch's store").isNotEmpty();
        Map<String, String> statuses = answers.get(0).items().stream()
                .collect(Collectors.toMap(o -> o.personId().toString(), ApiModels.StoreOutcome::status));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                persons.get(0), "STORED", stale, "STALE", persons.get(2), "STORED"));
        assertThat(Stack.recommendations(org, persons.get(0))).containsEntry("profileVersion", 0);
        assertThat(Stack.recommendations(org, persons.get(2))).containsEntry("profileVersion", 0);
        assertThat(parkedFrom(batch.get(0)).keySet()).as("offsets parked of the batch's")
                .doesNotContainAnyElementsOf(batch.stream().map(RecordMetadata::offset).toList());
        // the newer version's own event brings its result
        awaitMatched(org, stale, 1);
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws Exception {
        String org = Stack.createOrganisation();
        List<String> persons = createMatched(org, 3);
        Map<String, Map<String, Object>> before = new HashMap<>();
        for (String person : persons) {
            before.put(person, Stack.recommendations(org, person));
        }

        List<byte[]> events = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            persons.forEach(p -> events.add(envelope("PERSON_CREATED", p, 0)));
        }
        sendBatch(events);
        List<RecordMetadata> again = sendBatch(events);
        awaitCommittedPast(again.get(again.size() - 1));

        for (String person : persons) {
            Map<String, Object> after = Stack.recommendations(org, person);
            assertThat(after.get("version")).as("version of " + person).isEqualTo(before.get(person).get("version"));
            assertThat(after.get("computedAt")).isEqualTo(before.get(person).get("computedAt"));
            assertThat(after.get("recommendations")).isEqualTo(before.get(person).get("recommendations"));
        }
    }

    /** Persons created through the API and matched from their own events, with the worker caught up after. */
    private static List<String> createMatched(String org, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Stack.caseworker(org).body(Stack.personBody()).post("/api/v1/persons").then().statusCode(201).extract().path("id"));
        }
        ids.forEach(id -> awaitMatched(org, id, 0));
        Stack.awaitWorkerCaughtUp(Stack.topic("persons"));
        return ids;
    }

    private static void awaitMatched(String org, String id, int profileVersion) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> recommendations = Stack.recommendations(org, id);
            return recommendations.get("computedAt") != null
                    && Integer.valueOf(profileVersion).equals(recommendations.get("profileVersion"));
        });
    }

    /** As if never matched: only the batch under test can store their results again. */
    private static void forgetRecommendations(List<String> persons) throws Exception {
        try (Connection c = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("inclusion.test.profile-service-db", String.class), "postgres", "")) {
            for (String table : List.of("recommended_measure", "recommendation_set")) {
                try (PreparedStatement delete = c.prepareStatement("delete from " + table + " where person_id = ?")) {
                    for (String person : persons) {
                        delete.setObject(1, UUID.fromString(person));
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    /** The values as one producer batch to one partition of the persons topic; where each landed. */
    private static List<RecordMetadata> sendBatch(List<byte[]> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "linger.ms", "1000", "batch.size", "1048576"), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(Stack.topic("persons"), 0, null, value)));
            }
            producer.flush();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> future : sent) {
                landed.add(future.get());
            }
            return landed;
        }
    }

    private static void awaitCommittedPast(RecordMetadata last) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Stack.committedOffset(last.topic(), last.partition()) > last.offset());
    }

    /** The dead-lettered records that came from this record's topic and partition, at or after its offset, by their source offset. */
    private static Map<Long, ConsumerRecord<byte[], byte[]>> parkedFrom(RecordMetadata source) {
        String topic = source.topic() + ".dlq";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Long, ConsumerRecord<byte[], byte[]>> parked = new HashMap<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    // from this batch on: other test classes park their own poison records on the same partition
                    if (header(r, "dead-letter-topic").equals(source.topic())
                            && header(r, "dead-letter-partition").equals(Integer.toString(source.partition()))
                            && Long.parseLong(header(r, "dead-letter-offset")) >= source.offset()) {
                        assertThat(parked.put(Long.parseLong(header(r, "dead-letter-offset")), r)).as("parked once").isNull();
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return parked;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String type, String subject, long version) {
        return utf8("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"source\":\"profile-service\","
                + "\"time\":\"" + Instant.now() + "\",\"subject\":\"" + subject + "\",\"aggregateVersion\":" + version + "}");
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The real client, call for call; a test overrides the call it needs to interfere with. Not a bean of its own. */
    @Vetoed
    private static class Delegating extends ProfileServiceClient {
        private final ProfileServiceClient real;

        Delegating(ProfileServiceClient real) {
            super(null);
            this.real = real;
        }

        @Override
        public Optional<ApiModels.MatchingView> matchingView(UUID personId) {
            return real.matchingView(personId);
        }

        @Override
        public List<ApiModels.MatchingView> matchingViews(List<UUID> personIds) {
            return real.matchingViews(personIds);
        }

        @Override
        public ApiModels.MatchingPage affectedPersons(UUID measureId, UUID programmeId, UUID after, int size) {
            return real.affectedPersons(measureId, programmeId, after, size);
        }

        @Override
        public CatalogueSnapshot catalogue() {
            return real.catalogue();
        }

        @Override
        public boolean putRecommendations(UUID personId, ApiModels.Recommendations recommendations) {
            return real.putRecommendations(personId, recommendations);
        }

        @Override
        public ApiModels.StoreResult storeRecommendations(List<ApiModels.StoreItem> items) {
            return real.storeRecommendations(items);
        }
    }
}
