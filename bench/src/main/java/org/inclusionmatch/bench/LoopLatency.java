package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.inclusionmatch.servers.DevIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Event-to-stored-recommendation latency on the running local stack: updates N persons at a fixed rate and,
 * for each, measures from the committed update (the API's answer) to the RecommendationsUpdated event that
 * the stored result publishes. Fixed rate, so slow responses are not hidden by a closed loop.
 * <pre>java -cp ... org.inclusionmatch.bench.LoopLatency API_URL KAFKA_BOOTSTRAP KEYS_DIR [COUNT] [PER_SECOND]</pre>
 * Tokens are minted with the local run's development issuer (KEYS_DIR, i.e. .local/keys).
 */
public final class LoopLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NEEDS = BenchPersons.NEEDS;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final DevIssuer issuer;
    private String token;

    private LoopLatency(String api, DevIssuer issuer) {
        this.api = api;
        this.issuer = issuer;
        this.token = issuer.token("bench-admin", List.of("ADMIN"), null, 3600);
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String kafka = args[1];
        DevIssuer issuer = DevIssuer.load(Path.of(args[2]));
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int perSecond = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        new LoopLatency(api, issuer).run(kafka, count, perSecond);
    }

    private void run(String kafka, int count, int perSecond) throws Exception {
        String organisation = send("GET", "/api/v1/organisations?size=1", null).get("items").get(0).get("id").asText();
        token = issuer.token("bench-caseworker", List.of("CASEWORKER"), UUID.fromString(organisation), 3600);
        System.out.printf("Creating %d persons ...%n", count);
        List<ObjectNode> persons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode person = BenchPersons.person(i, "Bench town");
            JsonNode created = send("POST", "/api/v1/persons", person);
            person.put("id", created.get("id").asText());
            person.put("version", created.get("version").asLong());
            persons.add(person);
        }
        Thread.sleep(5_000); // let the creations' own matching finish

        Map<String, Long> updatedAt = Collections.synchronizedMap(new HashMap<>());
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka,
                "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("inclusion.recommendations.v1"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            System.out.printf("Updating %d persons at %d/s ...%n", count, perSecond);
            long intervalNanos = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            Thread updater = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < count; i++) {
                    long due = start + i * intervalNanos;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    ObjectNode person = persons.get(i);
                    String id = person.get("id").asText();
                    person.putArray("needs").add(NEEDS.get((i + 3) % NEEDS.size())).add("NETWORK");
                    try {
                        // If-Match is required on updates: the version this person was created at
                        send("PUT", "/api/v1/persons/" + id, person.deepCopy().without(List.of("id", "version")),
                                "\"" + person.get("version").asLong() + "\"");
                        updatedAt.put(id, Instant.now().toEpochMilli());
                    } catch (Exception e) {
                        System.err.println("update failed: " + e);
                    }
                }
            });
            long deadline = System.currentTimeMillis() + (count * 1000L / perSecond) + 30_000;
            while (latencies.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Long sent = updatedAt.remove(record.key());
                    if (sent != null) {
                        long stored = Instant.parse(JSON.readTree(record.value()).get("time").asText()).toEpochMilli();
                        latencies.add(Math.max(0, stored - sent));
                    }
                }
            }
            updater.join();
        }
        Collections.sort(latencies);
        System.out.printf("updates %d, results seen %d%n", count, latencies.size());
        System.out.printf("event-to-stored latency ms: p50 %d, p90 %d, p99 %d, p99.9 %d, max %d%n",
                pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 99.9),
                latencies.get(latencies.size() - 1));
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private JsonNode send(String method, String path, JsonNode body) throws Exception {
        return send(method, path, body, null);
    }

    private JsonNode send(String method, String path, JsonNode body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        request.header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
