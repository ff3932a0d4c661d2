package org.inclusionmatch.worker.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.inclusionmatch.servers.testing.JwtTestResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The running stack as an end-to-end test sees it: profile-service's API and the run's topics. */
final class Stack {

    /** The worker's consumer group (mp.messaging.incoming.persons.group.id). */
    static final String WORKER_GROUP = "matching-worker";

    private Stack() {
    }

    /** As an ADMIN, for the catalogue. */
    static RequestSpecification api() {
        return as(List.of("ADMIN"), null);
    }

    /** As a case worker of the organisation, for its persons. */
    static RequestSpecification caseworker(String organisationId) {
        return as(List.of("CASEWORKER"), organisationId);
    }

    static RequestSpecification as(List<String> roles, String organisationId) {
        return given().baseUri(ConfigProvider.getConfig().getValue("inclusion.test.profile-service-url", String.class))
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .auth().oauth2(JwtTestResource.ISSUER.token("e2e-" + String.join("-", roles).toLowerCase(), roles,
                        organisationId == null ? null : UUID.fromString(organisationId), 600));
    }

    /** A person body with the legal basis every profile needs. */
    /** A person the demo catalogue has recommendations for: a manager born in 1962, in Latgale, who needs a successor. */
    static Map<String, Object> personBody() {
        Map<String, Object> person = new HashMap<>();
        person.put("role", "FACILITATOR");
        person.put("archetype", "NEAR_RETIREMENT_MANAGER");
        person.put("birthYear", 1962);
        person.put("gender", "MALE");
        person.put("region", "LATGALE");
        person.put("municipality", "Daugavpils");
        person.put("targetGroups", List.of("OVER_50"));
        person.put("needs", List.of("SUCCESSION"));
        return withLegalBasis(person);
    }

    static Map<String, Object> withLegalBasis(Map<String, Object> person) {
        person.put("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-20"));
        person.put("matchingAllowed", true);
        return person;
    }

    static String topic(String name) {
        return ConfigProvider.getConfig().getValue("inclusion.topics." + name, String.class);
    }

    /** One producer per broker for the JVM (a new one per record costs a connection and a metadata round trip). */
    private static final Map<String, KafkaProducer<byte[], byte[]>> PRODUCERS = new ConcurrentHashMap<>();

    /** Sends one record and waits for the broker's ack; the metadata says where it landed. */
    static RecordMetadata send(String topic, byte[] key, byte[] value) throws Exception {
        KafkaProducer<byte[], byte[]> producer = PRODUCERS.computeIfAbsent(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                bootstrap -> new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                        new ByteArraySerializer(), new ByteArraySerializer()));
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Every record of the topic so far with this key, read from the beginning by a consumer of no group. */
    static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }

    /**
     * The next offset the worker's consumer group will read in this partition, as committed (-1 if none yet). The
     * worker commits an offset only once every record before it is processed, so a committed offset past a record
     * proves the worker is done with it.
     */
    static long committedOffset(String topic, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            TopicPartition tp = new TopicPartition(topic, partition);
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(WORKER_GROUP).partitionsToOffsetAndMetadata().get().get(tp);
            return committed == null ? -1 : committed.offset();
        }
    }

    /**
     * Imports the demo catalogue (idempotent: every test class may call it) and waits until the worker has consumed
     * every catalogue event it caused. Otherwise a person matched right after the import can be re-matched a moment
     * later against the completed catalogue, and a test that compares two reads sees a change nobody made.
     */
    static void importDemoCatalogue() throws Exception {
        api().body(Files.readString(Path.of("../deploy/local/demo/catalogue.json")))
                .post("/api/v1/catalogue/import").then().statusCode(200);
        awaitWorkerCaughtUp(topic("catalogue"));
    }

    /**
     * Waits until profile-service's outbox has nothing left to publish and the worker's committed offsets reach the
     * end of every partition of the topic. In that order: an empty outbox means every event written so far is on the
     * broker (a row is marked sent only after the broker's ack), so the ends read next include them, and committed
     * offsets at those ends mean the worker is done with all of them. (This replaces "the end has not moved for a
     * second", a guess at when the relay was done, with the relay's own record of it.)
     */
    static void awaitWorkerCaughtUp(String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> unsentOutboxRows() == 0 && behind(admin, WORKER_GROUP, List.of(topic)).isEmpty());
        }
    }

    /** Partitions of the topics whose end is past the group's committed offset, with the gap; empty: caught up. */
    static Map<String, Long> behind(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<String, Long> behind = new TreeMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, end) -> {
            long at = committed.get(tp) == null ? 0 : committed.get(tp).offset();
            if (end.offset() > at) {
                behind.put(tp.toString(), end.offset() - at);
            }
        });
        return behind;
    }

    /** Rows of profile-service's outbox not yet published (read from its database, as its relay reads them). */
    static long unsentOutboxRows() throws SQLException {
        try (Connection c = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("inclusion.test.profile-service-db", String.class), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            r.next();
            return r.getLong(1);
        }
    }

    static String createOrganisation() {
        return api().body(Map.of("code", "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        "name", "Case work NGO", "kind", "NGO", "region", "RIGA"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> recommendations(String organisationId, String personId) {
        return caseworker(organisationId).get("/api/v1/persons/" + personId + "/recommendations").then().statusCode(200).extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> recommendedCodes(String organisationId, String personId) {
        return ((List<Map<String, Object>>) recommendations(organisationId, personId).get("recommendations")).stream()
                .map(r -> (String) r.get("measureCode")).toList();
    }
}
