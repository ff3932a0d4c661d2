package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop with both services, real PostgreSQL and real Kafka: a profile change reaches the worker through
 * the outbox and Kafka, and the recommendations it computes come back through the API; the trace of the request
 * that changed the profile goes the same way, and the run's log lines are JSON without the person's data.
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class MatchingLoopTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    @BeforeAll
    static void catalogue() throws Exception {
        Stack.importDemoCatalogue();
    }

    private static Map<String, Object> singleMother(String organisationId) {
        Map<String, Object> person = new HashMap<>();
        person.put("organisationId", organisationId);
        person.put("role", "PARTICIPANT");
        person.put("archetype", "GROWTH_ORIENTED");
        person.put("birthYear", 1992);
        person.put("gender", "FEMALE");
        person.put("region", "PIERIGA");
        person.put("municipality", "Sigulda");
        person.put("targetGroups", List.of("SINGLE_PARENT", "AFTER_CHILDCARE_LEAVE"));
        person.put("needs", List.of("CAREER_GUIDANCE", "DIGITAL_SKILLS"));
        person.put("goals", List.of("OPEN_LABOUR_MARKET"));
        person.put("languages", List.of("lv"));
        return person;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewPersonGetsExplainedRecommendationsAnUpdateReplacesThemAndAFullMeasureDisappears() {
        String org = Stack.createOrganisation();
        Map<String, Object> person = singleMother(org);
        String id = Stack.caseworker(org).body(Stack.withLegalBasis(person)).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        await().atMost(FEW_SECONDS).until(() -> Stack.recommendations(org, id).get("computedAt") != null);
        Map<String, Object> first = Stack.recommendations(org, id);
        assertThat(first.get("profileVersion")).isEqualTo(0);
        assertThat(first.get("engineVersion")).asString().startsWith("engine-");
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("recommendations");
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item).containsKeys("rank", "measureId", "measureCode", "score", "reasons");
            assertThat((List<Map<String, Object>>) item.get("reasons")).extracting(r -> r.get("code"))
                    .contains("SEATS_LEFT").containsAnyOf("NEED_MATCH", "GOAL_MATCH");
        });
        assertThat(items).extracting(i -> i.get("rank")).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, items.size()).boxed().toArray());

        // An update replaces the list: a person who now needs housing after release.
        person.put("needs", List.of("HOUSING", "FIRST_JOB"));
        person.put("targetGroups", List.of("FORMER_PRISONER"));
        person.put("goals", List.of());
        person.put("region", "VIDZEME");
        person.put("municipality", "Valmiera");
        Stack.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200);
        await().atMost(FEW_SECONDS).until(() -> Integer.valueOf(1).equals(Stack.recommendations(org, id).get("profileVersion")));
        List<String> afterUpdate = Stack.recommendedCodes(org, id);
        assertThat(afterUpdate).contains("HWH-VALMIERA-BEDS").doesNotContain("LRC-PIE-CAREER");

        // Fill the half-way house: it must disappear from the list.
        Map<String, Object> house = Stack.api().queryParam("code", "HWH-VALMIERA-BEDS").get("/api/v1/measures")
                .then().extract().path("items[0]");
        Map<String, Object> full = new HashMap<>(house);
        full.put("seatsTaken", house.get("capacity"));
        Stack.api().header("If-Match", "\"" + house.get("version") + "\"").body(full)
                .put("/api/v1/measures/" + house.get("id")).then().statusCode(200);
        await().atMost(FEW_SECONDS).until(() -> !Stack.recommendedCodes(org, id).contains("HWH-VALMIERA-BEDS"));
        // ... and it is explained as missing, with the waitlist as the change (issue 13)
        List<Map<String, Object>> whyNot = (List<Map<String, Object>>) Stack.recommendations(org, id).get("whyNot");
        assertThat(whyNot).filteredOn(w -> "HWH-VALMIERA-BEDS".equals(w.get("measureCode"))).singleElement()
                .satisfies(w -> {
                    assertThat((List<Map<String, Object>>) w.get("unmet")).extracting(r -> r.get("code")).contains("MEASURE_FULL");
                    assertThat((List<Map<String, Object>>) w.get("changes")).extracting(r -> r.get("code")).contains("WAITLIST");
                });

        // A declined recommendation goes away and stays away while nothing changes; an accepted one becomes an enrolment.
        List<String> current = Stack.recommendedCodes(org, id);
        String declinedCode = current.get(0);
        String declinedId = Stack.api().queryParam("code", declinedCode).get("/api/v1/measures").then().extract().path("items[0].id");
        Stack.caseworker(org).body(Map.of("measureId", declinedId, "decision", "DECLINE", "reasonCode", "TOO_FAR"))
                .post("/api/v1/persons/" + id + "/decisions").then().statusCode(201);
        await().atMost(FEW_SECONDS).until(() -> !Stack.recommendedCodes(org, id).contains(declinedCode));
        Stack.caseworker(org).get("/api/v1/persons/" + id + "/decisions").then().statusCode(200);

        // Restore the demo figure for the other tests.
        full.put("seatsTaken", house.get("seatsTaken"));
        Stack.api().header("If-Match", "\"" + (((Number) house.get("version")).longValue() + 1) + "\"").body(full)
                .put("/api/v1/measures/" + house.get("id")).then().statusCode(200);
    }

    /**
     * Issue 15: the trace a request brings (W3C traceparent) is kept by the outbox row the request wrote, published
     * with the record, continued by the worker's processing and its REST call that writes the recommendations, and so
     * reaches the event profile-service writes for that call. And every line both services logged in this run
     * (JSON, as in production) is free of the person's data.
     */
    @Test
    void aRequestsTraceReachesTheWorkerThroughKafkaAndComesBackOnTheRecommendationWrite() throws Exception {
        String canary = "CANARY_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String org = Stack.createOrganisation();
        Map<String, Object> person = Stack.withLegalBasis(singleMother(org));
        person.put("municipality", canary + " town");
        person.put("targetGroups", List.of("SINGLE_PARENT", "FORMER_PRISONER", canary + "_TG"));
        person.put("externalRef", canary + " case");
        person.put("legalBasis", Map.of("basis", "OFFICIAL_AUTHORITY", "reference", canary + " mandate"));
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16);
        String callerSpan = hex.formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 8);

        String id = Stack.caseworker(org).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        await().atMost(FEW_SECONDS).until(() -> Stack.recommendations(org, id).get("computedAt") != null);

        // The person's events reached Kafka, and the worker, in the request's trace (the outbox row kept it) ...
        await().atMost(FEW_SECONDS).untilAsserted(() -> assertThat(Stack.recordsWithKey(Stack.topic("persons"), id))
                .extracting(r -> r.value().contains("PERSON_CREATED")).contains(true));
        assertThat(Stack.recordsWithKey(Stack.topic("persons"), id)).allSatisfy(r ->
                assertThat(traceIdOf(r)).as("trace of %s", r.value()).isEqualTo(traceId));
        // ... and came back: profile-service served the worker's PUT of the list in that trace, so the event it wrote
        // for the new recommendations carries it too.
        String recommendationsTopic = ConfigProvider.getConfig().getValue("inclusion.test.run-id", String.class)
                + ".inclusion.recommendations.v1";
        await().atMost(FEW_SECONDS).untilAsserted(() -> assertThat(Stack.recordsWithKey(recommendationsTopic, id))
                .isNotEmpty().allSatisfy(r -> assertThat(traceIdOf(r)).isEqualTo(traceId)));

        // The log scan: JSON lines only, none with the person's data, and no export noise. profile-service's log is
        // this run's own; the worker's file is shared by every run of the module, so only this JVM's lines count.
        // The special-category code itself is also a catalogue word (eligibility rules), which the worker may log
        // with a catalogue problem: it is looked for in profile-service's lines, the canaries in both.
        ObjectMapper json = new ObjectMapper();
        Path serviceLog = Path.of(ConfigProvider.getConfig().getValue("inclusion.test.profile-service-log", String.class));
        Path workerLog = Path.of("target", "matching-worker-test.log");
        long workerPid = ProcessHandle.current().pid();
        for (Path log : List.of(serviceLog, workerLog)) {
            List<JsonNode> entries = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = json.readTree(line);
                assertThat(entry.isObject() && entry.has("message") && entry.has("level")).as(line).isTrue();
                if (log.equals(serviceLog) || entry.path("processId").asLong() == workerPid) {
                    entries.add(entry);
                }
            }
            assertThat(entries).as("this run's lines of %s", log).isNotEmpty().allSatisfy(entry -> {
                String line = entry.toString().toUpperCase();
                assertThat(line).doesNotContain(canary);
                if (log.equals(serviceLog)) {
                    assertThat(line).doesNotContain("FORMER_PRISONER");
                }
                // no collector in tests: no exporter either, so nothing of OpenTelemetry's (export errors) in the log
                assertThat(entry.path("loggerName").asText()).as(line).doesNotContain("opentelemetry");
            });
        }
    }

    /** The trace id of the record's traceparent header, or null without one. */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII).split("-")[1];
    }
}
