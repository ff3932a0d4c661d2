package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class RecommendationResourceTest {

    private static Map<String, Object> result(long profileVersion, String measureId, double score) {
        return Map.of("profileVersion", profileVersion, "engineVersion", "engine-test", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z",
                "recommendations", List.of(Map.of("rank", 1, "measureId", measureId, "measureCode", "M-1", "score", score,
                        "reasons", List.of(Map.of("code", "NEED_MATCH", "params", Map.of("need", "HOUSING"),
                                "text", "Covers the need HOUSING.")))));
    }

    @Test
    void storesReplacesAndRefusesStaleResults() {
        String org = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("R"), org)).post("/api/v1/measures").then().extract().path("id");
        Map<String, Object> person = Api.person(org);
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        // not computed yet: said so, with when to look again (not "nothing fits")
        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .header("Retry-After", "5")
                .body("status", equalTo("PENDING"), "recommendations", hasSize(0), "computedAt", nullValue());

        Api.matcher().body(result(0, measure, 0.5)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(0), "profileVersion", equalTo(0));
        // the same result again (a redelivered event) changes nothing
        Api.matcher().body(result(0, measure, 0.5)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(0));

        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .header("Retry-After", nullValue()).body("status", equalTo("COMPUTED"), "recommendations", hasSize(1));

        person.put("needs", List.of("HOUSING"));
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200);
        // the last lists, from the earlier profile, until the new result is stored
        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .header("Retry-After", "5")
                .body("status", equalTo("OUTDATED"), "profileVersion", equalTo(0), "recommendations", hasSize(1));
        // computed from version 0, but the profile is at 1 now
        Api.matcher().body(result(0, measure, 0.9)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(409)
                .body("detail", containsString("profile is at version 1"));
        Api.matcher().body(result(1, measure, 0.9)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(1), "recommendations[0].score", equalTo(0.9f),
                        "recommendations[0].reasons[0].params.need", equalTo("HOUSING"));

        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .header("Retry-After", nullValue()).body("status", equalTo("COMPUTED"))
                .body("profileVersion", equalTo(1), "engineVersion", equalTo("engine-test"), "computedAt", equalTo("2026-11-23T10:00:00Z"));

        try (TopicReader topic = new TopicReader("inclusion.topics.recommendations")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> topic.eventsAbout(id, Duration.ofMillis(200)).size() >= 2);
            List<JsonNode> events = topic.eventsAbout(id, Duration.ofSeconds(1));
            assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("RECOMMENDATIONS_UPDATED");
            assertThat(events).extracting(e -> e.get("aggregateVersion").asLong()).containsExactly(0L, 1L);
        }

        person.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "*").body(person).put("/api/v1/persons/" + id).then().statusCode(200);
        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .header("Retry-After", nullValue())
                .body("status", equalTo("WITHDRAWN"), "recommendations", hasSize(0), "whyNot", hasSize(0),
                        "profileVersion", nullValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsWhyNotWithTheRecommendations() {
        String org = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("R"), org)).post("/api/v1/measures").then().extract().path("id");
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> whyNot = Map.of("measureId", measure, "measureCode", "M-2",
                "unmet", List.of(Map.of("code", "MEASURE_FULL", "params", Map.of("capacity", "12"), "text", "Full: all 12 places are taken.")),
                "changes", List.of(Map.of("code", "WAITLIST", "params", Map.of("waiting", "5", "releasedLast90Days", "9",
                        "expectedWaitDays", "60"), "text", "A referral joins the waitlist behind 5 persons.")));
        Map<String, Object> result = new java.util.HashMap<>(result(0, measure, 0.5));
        result.put("whyNot", List.of(whyNot));
        Api.matcher().body(result).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(0), "whyNot[0].unmet[0].code", equalTo("MEASURE_FULL"));
        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("whyNot[0].measureCode", equalTo("M-2"), "whyNot[0].changes[0].params.expectedWaitDays", equalTo("60"));

        // a different "why not" alone is a change; the same again is none
        Api.matcher().body(result(0, measure, 0.5)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(1), "whyNot", hasSize(0));
        Api.matcher().body(result(0, measure, 0.5)).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("version", equalTo(1));

        Map<String, Object> bad = new java.util.HashMap<>(result);
        bad.put("whyNot", List.of(Map.of("measureId", measure, "measureCode", "M-2", "unmet", List.of(), "changes", List.of())));
        Api.matcher().body(bad).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(400)
                .body("violations[0].field", equalTo("whyNot[0].unmet"));
    }

    /** One GET renders both lists: every item names its measure's title, kind, provider, programme and places. */
    @Test
    void oneReadRendersTheListsWithTheirMeasures() {
        String org = Api.createOrganisation();
        String orgName = Api.json().get("/api/v1/organisations/" + org).then().extract().path("name");
        String programmeCode = Api.unique("RPRG");
        String programme = Api.json().body(Api.programme(programmeCode, org)).post("/api/v1/programmes").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> inProgramme = Api.measure(Api.unique("RIN"), org);
        inProgramme.put("programmeId", programme);
        inProgramme.put("kind", "MENTORING");
        String recommended = Api.json().body(inProgramme).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Map<String, Object> full = Api.measure(Api.unique("RFULL"), org);
        full.put("capacity", 1);
        full.put("seatsTaken", 1);
        String leftOut = Api.json().body(full).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String waiting = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.refer(org, waiting, leftOut).then().statusCode(201).body("status", equalTo("WAITLISTED"));
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        String gone = java.util.UUID.randomUUID().toString(); // a measure deleted since the lists were computed
        Map<String, Object> result = new java.util.HashMap<>(result(0, recommended, 0.7));
        result.put("recommendations", List.of(((List<?>) result.get("recommendations")).get(0),
                Map.of("rank", 2, "measureId", gone, "measureCode", "GONE-1", "score", 0.4, "reasons", List.of())));
        result.put("whyNot", List.of(Map.of("measureId", leftOut, "measureCode", full.get("code"),
                "unmet", List.of(Map.of("code", "MEASURE_FULL", "params", Map.of("capacity", "1"), "text", "Full.")),
                "changes", List.of())));
        Api.matcher().body(result).put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200)
                .body("recommendations[0].measure.title", equalTo(inProgramme.get("title")));

        var read = Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations");
        read.then().statusCode(200)
                .body("recommendations[0].measure.title", equalTo(inProgramme.get("title")),
                        "recommendations[0].measure.kind", equalTo("MENTORING"),
                        "recommendations[0].measure.provider.id", equalTo(org),
                        "recommendations[0].measure.provider.name", equalTo(orgName),
                        "recommendations[0].measure.programme.id", equalTo(programme),
                        "recommendations[0].measure.programme.name", equalTo("Programme " + programmeCode),
                        "recommendations[0].measure.places.capacity", equalTo(10),
                        "recommendations[0].measure.places.seatsLeft", equalTo(8),
                        "recommendations[0].measure.places.waitlist", equalTo(0))
                .body("recommendations[1].measureId", equalTo(gone), "recommendations[1].measure", nullValue())
                .body("whyNot[0].measure.title", equalTo(full.get("title")), "whyNot[0].measure.kind", equalTo("TRAINING"),
                        "whyNot[0].measure.provider.name", equalTo(orgName), "whyNot[0].measure.programme", nullValue(),
                        "whyNot[0].measure.places.seatsLeft", equalTo(0), "whyNot[0].measure.places.waitlist", equalTo(1));

        // the same answer keeps its tag; a change of what it shows (a measure's title, its places) changes it
        String tag = read.header("ETag");
        Api.caseworker(org).header("If-None-Match", tag).get("/api/v1/persons/" + id + "/recommendations").then().statusCode(304);
        inProgramme.put("title", "Renamed " + inProgramme.get("code"));
        Api.json().header("If-Match", "*").body(inProgramme).put("/api/v1/measures/" + recommended).then().statusCode(200);
        String renamed = Api.caseworker(org).header("If-None-Match", tag).get("/api/v1/persons/" + id + "/recommendations")
                .then().statusCode(200).body("recommendations[0].measure.title", equalTo(inProgramme.get("title")))
                .extract().header("ETag");
        assertThat(renamed).isNotEqualTo(tag);
        Api.refer(org, Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id"), recommended).then().statusCode(201);
        Api.caseworker(org).header("If-None-Match", renamed).get("/api/v1/persons/" + id + "/recommendations").then()
                .statusCode(200).body("recommendations[0].measure.places.seatsLeft", equalTo(7));
    }

    @Test
    void badResultsAreRejected() {
        String org = Api.createOrganisation();
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        Api.matcher().body(result(0, "00000000-0000-0000-0000-000000000000", 1.5))
                .put("/api/v1/persons/" + id + "/recommendations").then().statusCode(400)
                .body("violations[0].field", equalTo("recommendations[0].score"));
        Api.matcher().body(result(0, "00000000-0000-0000-0000-000000000000", 0.5))
                .put("/api/v1/persons/00000000-0000-0000-0000-000000000009/recommendations").then().statusCode(404);
    }

    @Test
    void matchingViewsListThePersonsAMeasureCanAffect() {
        String org = Api.createOrganisation();
        String need = "NEED_" + Api.unique("A").replace("-", "_");
        Map<String, Object> measure = Api.measure(Api.unique("AFF"), org);
        measure.put("needs", List.of(need));
        String measureId = Api.json().body(measure).post("/api/v1/measures").then().extract().path("id");
        Map<String, Object> withNeed = Api.person(org);
        withNeed.put("needs", List.of(need));
        String a = Api.caseworker(org).body(withNeed).post("/api/v1/persons").then().extract().path("id");
        String b = Api.caseworker(org).body(withNeed).post("/api/v1/persons").then().extract().path("id");
        String recommendedOnly = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        Api.matcher().body(result(0, measureId, 0.5)).put("/api/v1/persons/" + recommendedOnly + "/recommendations").then().statusCode(200);
        Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201); // unaffected

        List<String> firstPage = Api.matcher().queryParam("measureId", measureId).queryParam("size", 2)
                .get("/api/v1/matching/persons").then().statusCode(200).body("items", hasSize(2)).extract().path("items.person.id");
        String next = Api.matcher().queryParam("measureId", measureId).queryParam("size", 2)
                .get("/api/v1/matching/persons").then().extract().path("next");
        List<String> secondPage = Api.matcher().queryParam("measureId", measureId).queryParam("size", 2).queryParam("after", next)
                .get("/api/v1/matching/persons").then().statusCode(200).body("next", nullValue()).extract().path("items.person.id");
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(1);
        assertThat(List.of(firstPage.get(0), firstPage.get(1), secondPage.get(0))).containsExactlyInAnyOrder(a, b, recommendedOnly);

        Api.matcher().get("/api/v1/matching/persons/" + a).then().statusCode(200).body("person.needs", equalTo(List.of(need)));
        Api.matcher().get("/api/v1/matching/persons").then().statusCode(400);
    }
}
