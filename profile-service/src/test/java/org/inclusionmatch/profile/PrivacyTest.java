package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    @Inject
    AgroalDataSource dataSource;

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
                Api.caseworker(subject, org);
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

    /** Rows still holding the person's id, in every table with a person_id column and in the idempotency records. */
    private Map<String, Long> rowsAbout(String personId) throws Exception {
        Map<String, Long> rows = new java.util.TreeMap<>();
        try (Connection db = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = db.createStatement().executeQuery("select table_name from information_schema.columns "
                    + "where table_schema = current_schema() and column_name = 'person_id' and data_type = 'uuid'")) {
                while (r.next()) tables.add(r.getString(1));
            }
            assertThat(tables).as("tables derived from a person").contains("recommendation_set", "enrolment",
                    "recommendation_decision", "outcome");
            for (String table : tables) {
                rows.put(table, count(db, "select count(*) from " + table + " where person_id = ?", personId));
            }
            rows.put("person", count(db, "select count(*) from person where id = ?", personId));
            rows.put("idempotency_key", count(db, "select count(*) from idempotency_key where resource_id = ?", personId));
        }
        return rows;
    }

    private static long count(Connection db, String sql, String id) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void erasureLeavesNothingButTheAuditTrail() throws Exception {
        String org = Api.createOrganisation();
        Map<String, Object> programmeBody = Api.programme(Api.unique("ERA"), org);
        String programme = Api.json().body(programmeBody).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> measureBody = Api.measure(Api.unique("ERA"), org);
        measureBody.put("programmeId", programme);
        measureBody.put("capacity", 1);
        measureBody.put("seatsTaken", 0);
        String measure = Api.json().body(measureBody).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        // the person to erase, with everything that can be derived from them: an idempotency record,
        // recommendations, a decision, the enrolment it made (holding the measure's only seat) and an outcome
        String erased = Api.caseworker(org).header("Idempotency-Key", UUID.randomUUID().toString()).body(Api.person(org))
                .post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "e", "evaluationDay", "2026-11-23",
                        "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", measure,
                                "measureCode", "ERA-1", "score", 0.5, "reasons", List.of()))))
                .put("/api/v1/persons/" + erased + "/recommendations").then().statusCode(200);
        String enrolment = Api.caseworker(org).body(Map.of("measureId", measure, "decision", "ACCEPT"))
                .post("/api/v1/persons/" + erased + "/decisions").then().statusCode(201)
                .body("enrolment.status", equalTo("REFERRED")).extract().path("enrolment.id");
        String outcome = Api.caseworker(org).body(Map.of("personId", erased, "programmeId", programme, "periodStart", "2026-01-01",
                        "periodEnd", "2026-06-30", "status", "EMPLOYED", "outcomeDate", "2026-06-30"))
                .post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
        // someone waiting for that seat
        String kept = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String waiting = Api.caseworker(org).body(Map.of("personId", kept, "measureId", measure)).post("/api/v1/enrolments")
                .then().statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        Map<String, Long> before = rowsAbout(erased);
        assertThat(before).as("the erasure below has something to erase in each table")
                .containsEntry("person", 1L).containsEntry("idempotency_key", 1L).containsEntry("recommendation_set", 1L)
                .containsEntry("recommendation_decision", 1L).containsEntry("enrolment", 1L).containsEntry("outcome", 1L);
        String exportBefore = Api.caseworker(org).get("/api/v1/persons/" + kept + "/export").then().statusCode(200)
                .extract().path("profile").toString();

        Api.caseworker(org).header("If-Match", "*").delete("/api/v1/persons/" + erased).then().statusCode(204);

        assertThat(rowsAbout(erased)).as("rows about the erased person").allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        Api.caseworker(org).get("/api/v1/persons/" + erased).then().statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + erased + "/recommendations").then().statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + erased + "/decisions").then().statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + erased + "/export").then().statusCode(404);
        Api.caseworker(org).get("/api/v1/enrolments/" + enrolment).then().statusCode(404);
        Api.caseworker(org).get("/api/v1/outcomes/" + outcome).then().statusCode(404);
        Api.caseworker(org).queryParam("personId", erased).get("/api/v1/outcomes").then().statusCode(200).body("total", equalTo(0));
        // the seat the erased person held went to the waitlist, and the counters agree
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> Api.caseworker(org).get("/api/v1/enrolments/" + waiting)
                .then().statusCode(200).body("status", equalTo("REFERRED")));
        Api.json().get("/api/v1/measures/" + measure).then().statusCode(200).body("seatsHeld", equalTo(1), "seatsLeft", equalTo(0));
        Api.json().get("/api/v1/programmes/" + programme).then().statusCode(200).body("placesHeld", equalTo(1));

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
                .then().statusCode(200).extract().as(JsonNode.class).get("items").get(0);
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
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200);

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

        // This person's own events must be among those read (other tests' events prove nothing about these fields),
        // and no event on any topic may carry the canary.
        List<String> events = new ArrayList<>();
        try (TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> persons.eventsAbout(id, Duration.ofMillis(200)).stream()
                    .map(e -> e.get("type").asText()).toList().containsAll(List.of("PERSON_CREATED", "PERSON_UPDATED")));
            persons.poll(Duration.ZERO).stream().map(ConsumerRecord::value).forEach(events::add);
            assertThat(persons.poll(Duration.ZERO)).filteredOn(r -> id.equals(r.key())).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(r.value()).doesNotContain(canary));
        }
        for (String topic : List.of("catalogue", "recommendations")) {
            try (TopicReader reader = new TopicReader("inclusion.topics." + topic)) {
                reader.poll(Duration.ofSeconds(2)).stream().map(ConsumerRecord::value).forEach(events::add);
            }
        }
        assertThat(events).noneMatch(e -> e.contains(canary));
        assertThat(Files.readString(Path.of("target/profile-service-test.log"))).doesNotContain(canary);
    }
}
