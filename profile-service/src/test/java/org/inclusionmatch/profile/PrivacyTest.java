package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** Legal basis, consent withdrawal, the audit trail, access and erasure requests, and no leaks of personal data. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class PrivacyTest {

    private static long auditRowsOf(String subject) {
        return Api.as(List.of("AUDITOR"), null).queryParam("subject", subject).queryParam("size", 100)
                .get("/api/v1/audit").then().statusCode(200).extract().<Integer>path("total");
    }

    @Test
    void everyAllowedOrDeniedAccessWritesExactlyOneAuditRow() {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();
        String subject = "auditee-" + UUID.randomUUID();
        var caseworker = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () ->
                Api.anonymous().auth().oauth2(JwtTestResource.ISSUER.token(subject, List.of("CASEWORKER"), UUID.fromString(org), 600));
        String id = caseworker.get().body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String foreign = Api.caseworker(other).body(Api.person(other)).post("/api/v1/persons").then().extract().path("id");

        caseworker.get().get("/api/v1/persons/" + id).then().statusCode(200);                     // allowed read
        caseworker.get().get("/api/v1/persons").then().statusCode(200);                           // allowed list
        caseworker.get().get("/api/v1/persons/" + foreign).then().statusCode(404);                // denied: other org
        caseworker.get().get("/api/v1/persons/" + id + "/recommendations").then().statusCode(200); // allowed
        caseworker.get().get("/api/v1/persons/" + id + "/export").then().statusCode(200);          // allowed export
        caseworker.get().get("/api/v1/matching/persons/" + id).then().statusCode(403);             // denied: role
        int accesses = 7;

        await().atMost(Duration.ofSeconds(10)).until(() -> auditRowsOf(subject) >= accesses);
        Api.as(List.of("AUDITOR"), null).queryParam("subject", subject).queryParam("size", 100).get("/api/v1/audit")
                .then().body("total", equalTo(accesses),
                        "items.findAll { it.outcome == 'DENIED' }", hasSize(2),
                        "items.findAll { it.operation == 'EXPORT' }", hasSize(1));
        Api.as(List.of("AUDITOR"), null).queryParam("personId", id).get("/api/v1/audit")
                .then().body("items.subject", everyItem(equalTo(subject)));
    }

    @Test
    void personDataNeedsALegalBasis() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.remove("legalBasis");
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("legalBasis"));
        person.put("legalBasis", Map.of("basis", "CONSENT"));
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("legalBasis.consentDate"));
        person.put("legalBasis", Map.of("basis", "OFFICIAL_AUTHORITY"));
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("legalBasis.reference"));
        person.put("legalBasis", Map.of("basis", "OFFICIAL_AUTHORITY", "reference", "Probation Law, section 6"));
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201)
                .body("legalBasis.basis", equalTo("OFFICIAL_AUTHORITY"));
    }

    @Test
    void withdrawingFromMatchingRemovesRecommendations() {
        String org = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("W"), org)).post("/api/v1/measures").then().extract().path("id");
        Map<String, Object> person = Api.person(org);
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().extract().path("id");
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "e", "evaluationDay", "2026-11-23",
                        "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", measure,
                                "measureCode", "W-1", "score", 0.5, "reasons", List.of()))))
                .put("/api/v1/persons/" + id + "/recommendations").then().statusCode(200);

        person.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200);
        Api.caseworker(org).get("/api/v1/persons/" + id + "/recommendations").then().body("recommendations", hasSize(0));
        Api.matcher().get("/api/v1/matching/persons/" + id).then().statusCode(404);
        Api.matcher().body(Map.of("profileVersion", 1, "engineVersion", "e", "evaluationDay", "2026-11-23",
                        "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of()))
                .put("/api/v1/persons/" + id + "/recommendations").then().statusCode(409).body("detail", containsString("withdrawn"));
    }

    @Test
    void erasureLeavesNothingButTheAuditTrail() {
        String org = Api.createOrganisation();
        String erased = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        String kept = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().extract().path("id");
        String exportBefore = Api.caseworker(org).get("/api/v1/persons/" + kept + "/export").then().statusCode(200)
                .extract().path("profile").toString();

        Api.caseworker(org).delete("/api/v1/persons/" + erased).then().statusCode(204);

        Api.caseworker(org).get("/api/v1/persons/" + erased).then().statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + erased + "/recommendations").then().statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + erased + "/export").then().statusCode(404);
        assertThat(Api.caseworker(org).get("/api/v1/persons/" + kept + "/export").then().statusCode(200)
                .extract().path("profile").toString()).isEqualTo(exportBefore);
        try (TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> persons.eventsAbout(erased, Duration.ofMillis(200)).stream()
                    .anyMatch(e -> e.get("type").asText().equals("PERSON_DELETED")));
        }
        // the audit trail remains, with ids and operations only
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.as(List.of("AUDITOR"), null).queryParam("personId", erased)
                .get("/api/v1/audit").then().extract().<Integer>path("total") >= 2);
        JsonNode entry = Api.as(List.of("AUDITOR"), null).queryParam("personId", erased).get("/api/v1/audit")
                .then().extract().as(JsonNode.class).get("items").get(0);
        assertThat(entry.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "at", "subject", "roles",
                "organisationId", "operation", "resourceType", "resourceId", "personIds", "outcome", "httpStatus");
    }

    @Test
    void canariesInPersonalFieldsAppearInNoEventLogOrErrorResponse() throws Exception {
        String canary = "CANARY_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("municipality", canary + " town");
        person.put("targetGroups", List.of(canary + "_TG"));
        person.put("needs", List.of(canary + "_NEED"));
        person.put("goals", List.of(canary + "_GOAL"));
        person.put("legalBasis", Map.of("basis", "OFFICIAL_AUTHORITY", "reference", canary + " mandate"));
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        person.put("needs", List.of(canary + "_NEED2"));
        Api.caseworker(org).body(person).put("/api/v1/persons/" + id).then().statusCode(200);

        List<String> errors = new ArrayList<>();
        Map<String, Object> bad = Api.person(org);
        bad.put("region", canary);
        errors.add(Api.caseworker(org).body(bad).post("/api/v1/persons").then().statusCode(400).extract().asString());
        bad = Api.person(org);
        bad.put("needs", List.of(canary.toLowerCase()));
        errors.add(Api.caseworker(org).body(bad).post("/api/v1/persons").then().statusCode(400).extract().asString());
        bad = Api.person(org);
        bad.put("birthYear", canary);
        errors.add(Api.caseworker(org).body(bad).post("/api/v1/persons").then().statusCode(400).extract().asString());
        bad = Api.person(org);
        bad.put("municipality", canary + "x".repeat(200));
        errors.add(Api.caseworker(org).body(bad).post("/api/v1/persons").then().statusCode(400).extract().asString());
        errors.add(Api.caseworker(org).body("{\"municipality\": \"" + canary + "\",").post("/api/v1/persons")
                .then().statusCode(400).extract().asString());
        assertThat(errors).noneMatch(e -> e.toUpperCase().contains(canary));

        List<String> events = new ArrayList<>();
        for (String topic : List.of("persons", "catalogue", "recommendations")) {
            try (TopicReader reader = new TopicReader("inclusion.topics." + topic)) {
                reader.poll(Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).forEach(events::add);
            }
        }
        assertThat(events).isNotEmpty().noneMatch(e -> e.contains(canary));
        assertThat(Files.readString(Path.of("target/profile-service-test.log"))).doesNotContain(canary);
    }
}
