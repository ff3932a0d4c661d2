package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> person = new HashMap<>();
        person.put("role", "FACILITATOR");
        person.put("archetype", "NEAR_RETIREMENT_MANAGER");
        person.put("birthYear", 1962);
        person.put("gender", "MALE");
        person.put("region", "LATGALE");
        person.put("municipality", "Daugavpils");
        person.put("targetGroups", List.of("OVER_50"));
        person.put("needs", List.of("SUCCESSION"));
        return Stack.caseworker(org).body(Stack.withLegalBasis(person)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheNextGoodEventIsProcessed() throws Exception {
        String persons = Stack.topic("persons");
        String missingFields = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_UPDATED\"}";
        String unknownType = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_TELEPORTED\",\"source\":\"x\","
                + "\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + UUID.randomUUID() + "\",\"aggregateVersion\":1}";
        // Same key for all three: the poison ones sit in the good event's partition, right before it.
        String key = UUID.randomUUID().toString();
        Stack.send(persons, key, "this is not JSON");
        Stack.send(persons, key, missingFields);
        Stack.send(persons, key, unknownType);

        String org = Stack.createOrganisation();
        String id = createPerson(org);
        await().atMost(Duration.ofSeconds(20)).until(() -> Stack.recommendations(org, id).get("computedAt") != null);
        assertThat(Stack.recommendedCodes(org, id)).contains("BWISE-SUCCESSION");

        List<ConsumerRecord<String, String>> dead = read(persons + ".dlq", 3);
        assertThat(dead).extracting(ConsumerRecord::value).contains("this is not JSON", missingFields, unknownType);
        assertThat(dead).allSatisfy(record -> assertThat(record.headers().lastHeader("dead-letter-reason")).isNotNull());
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not an event envelope");

        Stack.send(Stack.topic("catalogue"), key, "{ broken");
        assertThat(read(Stack.topic("catalogue") + ".dlq", 1)).extracting(ConsumerRecord::value).contains("{ broken");
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String org = Stack.createOrganisation();
        String id = createPerson(org);
        await().atMost(Duration.ofSeconds(20)).until(() -> Stack.recommendations(org, id).get("computedAt") != null);
        Map<String, Object> before = Stack.recommendations(org, id);

        String redelivered = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_CREATED\",\"source\":\"profile-service\","
                + "\"time\":\"" + Instant.now() + "\",\"subject\":\"" + id + "\",\"aggregateVersion\":0}";
        for (int i = 0; i < 3; i++) {
            Stack.send(Stack.topic("persons"), id, redelivered);
        }
        // Let the worker process them: a new event for the same partition key arrives after the duplicates.
        String marker = createPerson(org);
        await().atMost(Duration.ofSeconds(20)).until(() -> Stack.recommendations(org, marker).get("computedAt") != null);
        Thread.sleep(1000);

        Map<String, Object> after = Stack.recommendations(org, id);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("computedAt")).isEqualTo(before.get("computedAt"));
        assertThat(after.get("recommendations")).isEqualTo(before.get("recommendations"));
    }

    private static List<ConsumerRecord<String, String>> read(String topic, int atLeast) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "group.id", "dlq-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records;
        }
    }
}
