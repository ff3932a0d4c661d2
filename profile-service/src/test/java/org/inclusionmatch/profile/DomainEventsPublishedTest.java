package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One life of a person, a measure and a programme through the API publishes every event type there is, each
 * once per change, with the version the API reports for the aggregate after the change (its ETag).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class DomainEventsPublishedTest {

    private static long etag(Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", "").replace("W/", ""));
    }

    private static String measure(String provider, int capacity) {
        Map<String, Object> m = Api.measure(Api.unique("EVT"), provider);
        m.put("capacity", capacity);
        m.put("seatsTaken", 0);
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyEventTypeIsPublishedWithTheVersionTheApiReports() {
        String org = Api.createOrganisation();

        // A programme: created, updated, deleted.
        Map<String, Object> programme = Api.programme(Api.unique("EVT"), org);
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        programme.put("name", "Renamed");
        Api.json().header("If-Match", "\"0\"").body(programme).put("/api/v1/programmes/" + programmeId).then().statusCode(200);
        Api.json().header("If-Match", "\"1\"").delete("/api/v1/programmes/" + programmeId).then().statusCode(204);

        // Measures: one to fill and free (capacity 1), one to recommend and decline, one to delete.
        Map<String, Object> oneSeatBody = Api.measure(Api.unique("EVT"), org);
        oneSeatBody.put("capacity", 1);
        oneSeatBody.put("seatsTaken", 0);
        String oneSeat = Api.json().body(oneSeatBody).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        oneSeatBody.put("title", "Renamed course");
        Api.json().header("If-Match", "\"0\"").body(oneSeatBody).put("/api/v1/measures/" + oneSeat).then().statusCode(200);
        String declined = measure(org, 10);
        String deleted = measure(org, 10);
        Api.json().header("If-Match", "\"0\"").delete("/api/v1/measures/" + deleted).then().statusCode(204);

        // A person: created, updated, recommended, a recommendation declined, referred, the referral cancelled,
        // withdrawn from matching (recommendations cleared), erased.
        Map<String, Object> person = Api.person(org);
        String personId = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        person.put("needs", List.of("DIGITAL_SKILLS"));
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + personId).then().statusCode(200);
        Api.matcher().body(Map.of("profileVersion", 1, "engineVersion", "e", "evaluationDay", "2026-11-23",
                        "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", declined,
                                "measureCode", "EVT-1", "score", 0.5, "reasons", List.of(Map.of("code", "NEED_MATCH",
                                        "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers DIGITAL_SKILLS."))))))
                .put("/api/v1/persons/" + personId + "/recommendations").then().statusCode(200);
        Api.caseworker(org).body(Map.of("measureId", declined, "decision", "DECLINE", "reasonCode", "TOO_FAR"))
                .post("/api/v1/persons/" + personId + "/decisions").then().statusCode(201);

        Response referred = Api.caseworker(org).body(Map.of("personId", personId, "measureId", oneSeat)).post("/api/v1/enrolments");
        referred.then().statusCode(201);
        String enrolment = referred.path("id");
        long fullVersion = etag(Api.json().get("/api/v1/measures/" + oneSeat));
        Response cancelled = Api.caseworker(org).body(Map.of("status", "CANCELLED", "reason", "NOT_ELIGIBLE"))
                .post("/api/v1/enrolments/" + enrolment + "/status");
        cancelled.then().statusCode(200);
        long freeVersion = etag(Api.json().get("/api/v1/measures/" + oneSeat));

        person.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "\"1\"").body(person).put("/api/v1/persons/" + personId).then().statusCode(200);
        Api.caseworker(org).header("If-Match", "\"2\"").delete("/api/v1/persons/" + personId).then().statusCode(204);

        List<String> seen = new ArrayList<>();
        seen.addAll(expect("inclusion.topics.catalogue", programmeId,
                "PROGRAMME_CREATED:0", "PROGRAMME_UPDATED:1", "PROGRAMME_DELETED:2"));
        seen.addAll(expect("inclusion.topics.catalogue", oneSeat,
                "MEASURE_CREATED:0", "MEASURE_UPDATED:1", "MEASURE_UPDATED:" + fullVersion, "MEASURE_UPDATED:" + freeVersion));
        seen.addAll(expect("inclusion.topics.catalogue", deleted, "MEASURE_CREATED:0", "MEASURE_DELETED:1"));
        seen.addAll(expect("inclusion.topics.persons", personId, "PERSON_CREATED:0", "PERSON_UPDATED:1",
                "PERSON_MATCHING_INPUTS_CHANGED:1", // the decline
                "PERSON_MATCHING_INPUTS_CHANGED:1", // the referral
                "PERSON_MATCHING_INPUTS_CHANGED:1", // the cancellation
                "PERSON_UPDATED:2", "PERSON_DELETED:3"));
        seen.addAll(expect("inclusion.topics.recommendations", personId, "RECOMMENDATIONS_UPDATED:0", "RECOMMENDATIONS_UPDATED:1"));
        seen.addAll(expect("inclusion.topics.enrolments", enrolment,
                "ENROLMENT_CREATED:" + etag(referred), "ENROLMENT_STATUS_CHANGED:" + etag(cancelled)));

        // An allocation round over one measure: proposed, then confirmed.
        String roundMeasure = measure(org, 1);
        String roundPerson = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "engine-test", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", roundMeasure,
                        "measureCode", "M-1", "score", 0.5, "reasons", List.of()))))
                .put("/api/v1/persons/" + roundPerson + "/recommendations").then().statusCode(200);
        String round = Api.caseworker(org).body(Map.of("measureId", roundMeasure)).post("/api/v1/allocation-rounds")
                .then().statusCode(201).extract().path("id");
        Api.caseworker(org).header("If-Match", "\"0\"").body(Map.of()).post("/api/v1/allocation-rounds/" + round + "/confirmation")
                .then().statusCode(200);
        seen.addAll(expect("inclusion.topics.enrolments", round, "ALLOCATION_ROUND_PROPOSED:0", "ALLOCATION_ROUND_CONFIRMED:1"));

        Set<EventType> types = EnumSet.noneOf(EventType.class);
        seen.forEach(s -> types.add(EventType.valueOf(s.substring(0, s.indexOf(':')))));
        assertThat(types).containsExactlyInAnyOrder(EventType.values());
    }

    /** Reads the topic until the subject's events are as many as expected, then checks them in order. */
    private static List<String> expect(String topic, String subject, String... typeAndVersion) {
        try (TopicReader reader = new TopicReader(topic)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.eventsAbout(subject, Duration.ofMillis(200)).size() >= typeAndVersion.length);
            List<String> actual = reader.eventsAbout(subject, Duration.ofMillis(500)).stream()
                    .map(DomainEventsPublishedTest::typeAndVersion).toList();
            assertThat(actual).as("events about %s on %s", subject, topic).containsExactly(typeAndVersion);
            return actual;
        }
    }

    private static String typeAndVersion(JsonNode event) {
        return event.get("type").asText() + ":" + event.get("aggregateVersion").asLong();
    }
}
