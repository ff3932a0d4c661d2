package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged worker killed with -9 while it matches an import's person events in batches: batches read and
 * computed, or stored but not yet committed, are all redone by its successor, so every imported person ends with
 * stored recommendations from their current profile, and nothing is dead-lettered.
 */
class PersonBatchKillIT {

    private static final int PERSONS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final ProfileServiceTestResource service = new ProfileServiceTestResource();
    private static Map<String, String> stack;
    private static String organisation;
    private static WorkerProcess worker;

    @BeforeAll
    static void startStack() throws Exception {
        stack = service.start();
        send("POST", "/api/v1/catalogue/import", List.of("ADMIN"), null, "application/json",
                Files.readString(Path.of("../deploy/local/demo/catalogue.json")));
        organisation = JSON.readTree(send("POST", "/api/v1/organisations", List.of("ADMIN"), null, "application/json",
                "{\"code\":\"KILL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                        + "\",\"name\":\"Kill NGO\",\"kind\":\"NGO\",\"region\":\"RIGA\"}")).get("id").asText();
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (worker != null) {
            worker.kill();
        }
        service.stop();
    }

    @Test
    void aWorkerKilledMidBatchLosesNothing() throws Exception {
        worker = WorkerProcess.start(stack, "batch-kill");
        // The demo catalogue's events first: their re-matches would only slow down the batches under test.
        long caughtUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!uncommitted("catalogue").isEmpty() && System.nanoTime() < caughtUp) {
            Thread.sleep(200);
        }
        assertThat(uncommitted("catalogue")).as("catalogue events not yet committed").isEmpty();
        StringBuilder lines = new StringBuilder();
        String[] needs = {"HOUSING", "DIGITAL_SKILLS", "SOCIAL_SUPPORT", "CAREER_GUIDANCE"};
        for (int i = 0; i < PERSONS; i++) {
            lines.append("{\"externalRef\":\"K-").append(i).append("\",\"role\":\"PARTICIPANT\",\"archetype\":\"SURVIVOR\",")
                    .append("\"birthYear\":").append(1960 + i % 40).append(",\"gender\":\"FEMALE\",\"region\":\"LATGALE\",")
                    .append("\"municipality\":\"Daugavpils\",\"targetGroups\":[\"LONG_TERM_UNEMPLOYED\"],\"needs\":[\"")
                    .append(needs[i % needs.length]).append("\"],")
                    .append("\"legalBasis\":{\"basis\":\"CONSENT\",\"consentDate\":\"2026-11-20\"},\"matchingAllowed\":true}\n");
        }
        send("POST", "/api/v1/persons/import", List.of("CASEWORKER"), organisation, "application/x-ndjson", lines.toString());
        assertThat(persons()).isEqualTo(PERSONS);

        // kill -9 as soon as the first results are stored: the worker is in the middle of the import's batches
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (matched() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        worker.kill();
        long matchedAtKill = matched();
        Map<String, Long> uncommittedAtKill = uncommitted("persons");
        System.out.printf("kill -9 mid-batch: %d of %d persons matched, uncommitted at the kill: %s%n",
                matchedAtKill, PERSONS, uncommittedAtKill);
        assertThat(matchedAtKill).as("persons matched when the worker was killed").isBetween(1L, PERSONS - 1L);
        // Each imported person has one event on the run's persons topic: at least as many as are not stored yet must
        // be uncommitted, or an offset was committed before its result was stored.
        assertThat(uncommittedAtKill.values().stream().mapToLong(Long::longValue).sum())
                .as("person events not committed when the worker was killed").isGreaterThanOrEqualTo(PERSONS - matchedAtKill);

        worker = WorkerProcess.start(stack, "batch-kill");
        deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (current() < PERSONS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        System.out.printf("after the restart: %d of %d persons matched from their current profile, %.1f s after the successor was ready%n",
                current(), PERSONS, (System.nanoTime() - worker.ready) / 1e9);
        assertThat(current()).as("persons with recommendations from their current profile version").isEqualTo(PERSONS);
        assertThat(deadLettered()).as("records dead-lettered").isZero();
    }

    /** The organisation's persons. */
    private static long persons() throws Exception {
        return count("select count(*) from person where organisation_id = ?");
    }

    /** The organisation's persons with stored recommendations. */
    private static long matched() throws Exception {
        return count("select count(*) from recommendation_set r join person p on p.id = r.person_id where p.organisation_id = ?");
    }

    /** ... computed from the profile version the person has now. */
    private static long current() throws Exception {
        return count("select count(*) from recommendation_set r join person p on p.id = r.person_id"
                + " where p.organisation_id = ? and r.profile_version = p.version");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.get("inclusion.test.profile-service-db"), "postgres", "");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(organisation));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Partitions of the run's topic (persons or catalogue) with records past the worker group's committed offset. */
    private static Map<String, Long> uncommitted(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.get("kafka.bootstrap.servers")))) {
            return Stack.behind(admin, Stack.WORKER_GROUP, List.of(stack.get("inclusion.test.run-id") + ".inclusion." + topic + ".v1"));
        }
    }

    /** Records on the persons dead-letter topic (its end offsets: nothing else writes there in this run). */
    private static long deadLettered() {
        String topic = stack.get("inclusion.test.run-id") + ".inclusion.persons.v1.dlq";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.get("kafka.bootstrap.servers")), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static String send(String method, String path, List<String> roles, String org, String contentType, String body)
            throws Exception {
        String token = JwtTestResource.ISSUER.token("kill-" + String.join("-", roles).toLowerCase(), roles,
                org == null ? null : UUID.fromString(org), 600);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.get("inclusion.test.profile-service-url") + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }
}
