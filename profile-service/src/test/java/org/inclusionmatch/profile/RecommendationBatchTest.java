package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Issue 11: the worker's batch store, PUT /matching/recommendations, person by person under the single store's rules. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class RecommendationBatchTest {

    private static final String BATCH = "/api/v1/matching/recommendations";

    private static Map<String, Object> item(String personId, long profileVersion, String measureId, double score) {
        Map<String, Object> item = new HashMap<>();
        item.put("personId", personId);
        item.put("profileVersion", profileVersion);
        item.put("engineVersion", "engine-test");
        item.put("evaluationDay", "2026-11-23");
        item.put("computedAt", "2026-11-23T10:00:00Z");
        item.put("recommendations", measureId == null ? List.of() : List.of(Map.of("rank", 1, "measureId", measureId,
                "measureCode", "M-1", "score", score, "reasons", List.of(Map.of("code", "NEED_MATCH",
                        "params", Map.of("need", "HOUSING"), "text", "Covers the need HOUSING.")))));
        return item;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> items) {
        return Map.of("items", items);
    }

    @Test
    void eachPersonIsHeldToTheStaleVersionGuardAndNoneFailsTheOthers() {
        String org = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("B"), org)).post("/api/v1/measures").then().extract().path("id");
        Map<String, Object> profile = Api.person(org);
        String good1 = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String good2 = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String stale = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> changed = new HashMap<>(profile);
        changed.put("municipality", "Cēsis");
        Api.caseworker(org).header("If-Match", "\"0\"").body(changed).put("/api/v1/persons/" + stale).then().statusCode(200)
                .body("version", equalTo(1));
        Map<String, Object> withdrawing = new HashMap<>(profile);
        String withdrawn = Api.caseworker(org).body(withdrawing).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        withdrawing.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "\"0\"").body(withdrawing).put("/api/v1/persons/" + withdrawn).then().statusCode(200);
        String unknown = UUID.randomUUID().toString();

        Api.matcher().body(batch(List.of(item(good1, 0, measure, 0.5), item(stale, 0, measure, 0.5),
                        item(withdrawn, 1, measure, 0.5), item(unknown, 0, measure, 0.5), item(good2, 0, measure, 0.6))))
                .put(BATCH).then().statusCode(200)
                .body("items.personId", equalTo(List.of(good1, stale, withdrawn, unknown, good2)))
                .body("items.status", equalTo(List.of("STORED", "STALE", "WITHDRAWN", "NOT_FOUND", "STORED")))
                .body("items[0].version", equalTo(0), "items[1].version", nullValue());

        Api.caseworker(org).get("/api/v1/persons/" + good2 + "/recommendations").then().statusCode(200)
                .body("profileVersion", equalTo(0), "recommendations[0].score", equalTo(0.6f));
        Api.caseworker(org).get("/api/v1/persons/" + stale + "/recommendations").then().statusCode(200)
                .body("recommendations", hasSize(0), "computedAt", nullValue());
        Api.caseworker(org).get("/api/v1/persons/" + withdrawn + "/recommendations").then().statusCode(200)
                .body("recommendations", hasSize(0));

        // A redelivery stores nothing new; a changed result is a new version; the stale one, once fresh, is stored.
        Api.matcher().body(batch(List.of(item(good1, 0, measure, 0.5), item(good2, 0, measure, 0.9), item(stale, 1, measure, 0.5))))
                .put(BATCH).then().statusCode(200)
                .body("items.status", equalTo(List.of("UNCHANGED", "STORED", "STORED")))
                .body("items.version", equalTo(List.of(0, 1, 0)));

        try (TopicReader topic = new TopicReader("inclusion.topics.recommendations")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> topic.eventsAbout(good2, Duration.ofMillis(200)).size() >= 2);
            List<JsonNode> events = topic.eventsAbout(good2, Duration.ofSeconds(1));
            assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("RECOMMENDATIONS_UPDATED");
            assertThat(events).extracting(e -> e.get("aggregateVersion").asLong()).containsExactly(0L, 1L);
            assertThat(topic.eventsAbout(good1, Duration.ofSeconds(1))).hasSize(1); // the unchanged store announced nothing
            assertThat(topic.eventsAbout(withdrawn, Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void theRecommendedMeasureIndexFollowsEveryStore() {
        String org = Api.createOrganisation();
        Map<String, Object> measure = Api.measure(Api.unique("IDX"), org);
        measure.put("needs", List.of("NEED_" + Api.unique("NOBODY").replace("-", "_"))); // no person has it
        String first = Api.json().body(measure).post("/api/v1/measures").then().extract().path("id");
        measure.put("code", Api.unique("IDX"));
        String second = Api.json().body(measure).post("/api/v1/measures").then().extract().path("id");
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");

        Api.matcher().body(batch(List.of(item(person, 0, first, 0.5)))).put(BATCH).then().statusCode(200);
        affected(first).body("items.person.id", equalTo(List.of(person)));
        affected(second).body("items", hasSize(0));

        // Recommended something else now: found through the other measure only, by the batch and the single store.
        Api.matcher().body(batch(List.of(item(person, 0, second, 0.5)))).put(BATCH).then().statusCode(200);
        affected(first).body("items", hasSize(0));
        affected(second).body("items.person.id", equalTo(List.of(person)));
        Map<String, Object> single = item(person, 0, first, 0.4);
        single.remove("personId");
        Api.matcher().body(single).put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
        affected(first).body("items.person.id", equalTo(List.of(person)));
        affected(second).body("items", hasSize(0));
    }

    private static io.restassured.response.ValidatableResponse affected(String measureId) {
        return Api.matcher().queryParam("measureId", measureId).get("/api/v1/matching/persons").then().statusCode(200);
    }

    @Test
    void anOverLongBatchOrAPersonTwiceIsABadRequest() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(item(UUID.randomUUID().toString(), 0, null, 0));
        }
        Api.matcher().body(batch(tooMany)).put(BATCH).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(containsString("items")));
        Api.matcher().body(batch(List.of())).put(BATCH).then().statusCode(400);
        Api.matcher().body(batch(List.of(item(person, 0, null, 0), item(person, 0, null, 0)))).put(BATCH).then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations[0].field", equalTo("items[1].personId"));
        Api.caseworker(org).get("/api/v1/persons/" + person + "/recommendations").then().body("computedAt", nullValue());
        // a body over the 1 MiB limit
        Api.matcher().body("{\"items\":[" + "\"x\",".repeat(300_000) + "\"x\"]}").put(BATCH).then().statusCode(413)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void onlyTheWorkerMayStore() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        Map<String, Object> body = batch(List.of(item(person, 0, null, 0)));
        for (String role : List.of("CASEWORKER", "ADMIN", "PARTNER", "AUDITOR")) {
            Api.as(List.of(role), org).body(body).put(BATCH).then().statusCode(403);
        }
        Api.anonymous().body(body).put(BATCH).then().statusCode(401);
        Api.caseworker(org).get("/api/v1/persons/" + person + "/recommendations").then()
                .body("computedAt", nullValue(), "recommendations", not(hasItem(nullValue())));
    }
}
