package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A GDPR access request returns everything stored about the person, and every access to their data (creates,
 * lists, matching views, enrolment and outcome reads) can be found by {@code GET /audit?personId=}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ExportAndAuditTest {

    /** Where each table that holds a person's id appears in the export. A new such table fails this test. */
    private static final Map<String, String> EXPORTED_TABLES = Map.of(
            "person", "profile",
            "recommendation_set", "recommendations",
            "recommendation_decision", "decisions",
            "enrolment", "enrolments",
            "outcome", "outcomes",
            "audit_entry", "accessLog",
            "allocation_candidate", "allocations",
            "consent", "consents");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyTableThatHoldsAPersonIsInTheExport() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name in ('person_id', 'person_ids')
                   or (table_name = 'person' and column_name = 'id' and table_schema = current_schema())""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove("idempotency_key"); // request replays, no personal data; erased with the person
        tables.remove("recommended_measure"); // an index of recommendation_set's items (exported as recommendations); goes with the set
        assertThat(EXPORTED_TABLES.keySet()).containsAll(tables);
    }

    @Test
    void theExportHoldsEnrolmentsOutcomesDecisionsAndEveryAccess() {
        String org = Api.createOrganisation();
        Map<String, Object> p = Api.programme(Api.unique("EXP"), org);
        String programme = Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String need = "NEED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(); // only this person has it
        Map<String, Object> m = Api.measure(Api.unique("EXP"), org);
        m.put("programmeId", programme);
        m.put("needs", List.of(need));
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Map<String, Object> declinedMeasure = Api.measure(Api.unique("EXP"), org);
        String declined = Api.json().body(declinedMeasure).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        Map<String, Object> profile = Api.person(org);
        profile.put("targetGroups", List.of("ROMA", "OVER_50"));
        profile.put("needs", List.of("DIGITAL_SKILLS", need));
        String person = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "e", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", declined,
                        "measureCode", "REC-1", "score", 0.5, "reasons", List.of(Map.of("code", "NEED_MATCH",
                                "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers DIGITAL_SKILLS."))))))
                .put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
        Api.caseworker(org).body(Map.of("measureId", declined, "decision", "DECLINE", "reasonCode", "TOO_FAR",
                "note", "two buses each way")).post("/api/v1/persons/" + person + "/decisions").then().statusCode(201);
        String enrolment = Api.caseworker(org).body(Map.of("personId", person, "measureId", measure))
                .post("/api/v1/enrolments").then().statusCode(201).extract().path("id");
        String outcome = Api.caseworker(org).body(Map.of("personId", person, "programmeId", programme, "periodStart", "2026-01-01",
                "periodEnd", "2026-06-30", "status", "EMPLOYED", "outcomeDate", "2026-06-30")).post("/api/v1/outcomes")
                .then().statusCode(201).extract().path("id");

        // accesses that do not name the person in their path
        Api.caseworker(org).get("/api/v1/persons?size=100").then().statusCode(200);
        Api.matcher().get("/api/v1/matching/persons?measureId=" + measure).then().statusCode(200);
        Api.caseworker(org).get("/api/v1/enrolments/" + enrolment).then().statusCode(200);
        Api.caseworker(org).get("/api/v1/outcomes/" + outcome).then().statusCode(200);
        Api.caseworker(org).get("/api/v1/enrolments?personId=" + person).then().statusCode(200);

        JsonPath export = Api.caseworker(org).get("/api/v1/persons/" + person + "/export").then().statusCode(200)
                .extract().jsonPath();
        assertThat(export.getString("profile.id")).isEqualTo(person);
        assertThat(export.getList("decisions.reasonCode")).containsExactly("TOO_FAR");
        assertThat(export.getList("decisions.note")).containsExactly("two buses each way");
        assertThat(export.getList("enrolments.id")).containsExactly(enrolment);
        assertThat(export.getList("outcomes.outcome.id")).containsExactly(outcome);
        assertThat(export.getList("outcomes[0].targetGroupsWhenRecorded")).containsExactlyInAnyOrder("ROMA", "OVER_50");
        assertThat(export.getString("outcomes[0].regionWhenRecorded")).isEqualTo("PIERIGA");
        assertThat(export.getList("recommendations.recommendations.measureId")).containsExactly(declined);

        Set<String> expected = Set.of("PERSON/CREATE", "PERSON/LIST", "MATCHING_VIEW/LIST", "ENROLMENT/READ", "OUTCOME/READ",
                "ENROLMENT/LIST", "ENROLMENT/CREATE", "OUTCOME/CREATE", "DECISION/CREATE", "RECOMMENDATIONS/UPDATE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath audit = Api.as(List.of("AUDITOR"), null).queryParam("personId", person).queryParam("size", 100)
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            List<String> kinds = audit.getList("items.collect { it.resourceType + '/' + it.operation }");
            assertThat(kinds).containsAll(expected);
            assertThat(audit.getList("items.personIds", List.class)).allMatch(ids -> ids.contains(person));
        });
        // and the export lists the same accesses (those before it)
        assertThat(export.getList("accessLog.collect { it.resourceType + '/' + it.operation }")).containsAll(expected);
    }

    /**
     * Issue 21: a refused write whose person is only in the request body is audited with that person. A case worker of
     * organisation B refers A's person, records an outcome for them, corrects A's outcome as if it were theirs and
     * keeps A's person apart from one of their own: all refused (404, the person is not B's to see), all found by
     * {@code GET /audit?personId=} and in the person's export. A refusal by A's own case worker (422, a programme the
     * person takes no part in) too. B's keep-apart of their own person from A's person is allowed and not in A's
     * trail: their organisation reads it in the export, and must not learn of the constraint.
     */
    @Test
    void aRefusedWriteIsAuditedWithThePersonNamedInItsBody() {
        String orgA = Api.createOrganisation();
        String orgB = Api.createOrganisation();
        String person = Api.caseworker(orgA).body(Api.person(orgA)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String own = Api.caseworker(orgB).body(Api.person(orgB)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String programme = Api.json().body(Api.programme(Api.unique("REF"), orgA)).post("/api/v1/programmes").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> m = Api.measure(Api.unique("REF"), orgA);
        m.put("programmeId", programme);
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Api.refer(orgA, person, measure).then().statusCode(201);
        Map<String, Object> outcome = new java.util.HashMap<>(Map.of("personId", person, "programmeId", programme,
                "periodStart", "2026-01-01", "periodEnd", "2026-06-30", "status", "EMPLOYED", "outcomeDate", "2026-06-30"));
        String outcomeId = Api.caseworker(orgA).body(outcome).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
        String otherProgramme = Api.json().body(Api.programme(Api.unique("REF"), orgB)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");

        String intruder = "intruder-" + UUID.randomUUID();
        Api.caseworker(intruder, orgB).body(Map.of("personId", person, "measureId", measure)).post("/api/v1/enrolments")
                .then().statusCode(404);
        Api.caseworker(intruder, orgB).body(outcome).post("/api/v1/outcomes").then().statusCode(404);
        Api.caseworker(intruder, orgB).header("If-Match", "\"0\"").body(outcome).put("/api/v1/outcomes/" + outcomeId)
                .then().statusCode(404);
        Api.caseworker(intruder, orgB).body(Map.of("personId", person, "otherPersonId", own)).post("/api/v1/keep-apart")
                .then().statusCode(404);
        Api.caseworker(intruder, orgB).body(Map.of("personId", own, "otherPersonId", person)).post("/api/v1/keep-apart")
                .then().statusCode(201);
        String caseworker = "caseworker-" + UUID.randomUUID();
        outcome.put("programmeId", otherProgramme);
        Api.caseworker(caseworker, orgA).body(outcome).post("/api/v1/outcomes").then().statusCode(422)
                .body("type", org.hamcrest.Matchers.endsWith("/not-a-participant"));

        List<String> refused = List.of("ENROLMENT/CREATE/404", "OUTCOME/CREATE/404", "OUTCOME/UPDATE/404", "KEEP_APART/CREATE/404");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath audit = Api.as(List.of("AUDITOR"), null).queryParam("personId", person).queryParam("size", 100)
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = audit.getList("items");
            List<String> byIntruder = items.stream().filter(i -> intruder.equals(i.get("subject")))
                    .map(i -> i.get("resourceType") + "/" + i.get("operation") + "/" + i.get("httpStatus")).toList();
            assertThat(byIntruder).containsExactlyInAnyOrderElementsOf(refused); // and not the allowed keep-apart
            assertThat(items).filteredOn(i -> intruder.equals(i.get("subject")))
                    .allMatch(i -> "DENIED".equals(i.get("outcome")) && orgB.equals(i.get("organisationId")));
            assertThat(items).filteredOn(i -> caseworker.equals(i.get("subject")))
                    .extracting(i -> i.get("resourceType") + "/" + i.get("outcome") + "/" + i.get("httpStatus"))
                    .containsExactly("OUTCOME/DENIED/422");
        });
        // the refused referral names A's person only; the allowed keep-apart names B's person only
        List<Map<String, Object>> intruders = Api.as(List.of("AUDITOR"), null).queryParam("subject", intruder)
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(intruders).filteredOn(i -> "ENROLMENT".equals(i.get("resourceType")))
                .extracting(i -> i.get("personIds")).containsExactly(List.of(person));
        assertThat(intruders).filteredOn(i -> Integer.valueOf(201).equals(i.get("httpStatus")))
                .extracting(i -> i.get("personIds")).containsExactly(List.of(own));

        JsonPath export = Api.caseworker(orgA).get("/api/v1/persons/" + person + "/export").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> log = export.getList("accessLog");
        assertThat(log).filteredOn(i -> intruder.equals(i.get("subject")))
                .extracting(i -> i.get("resourceType") + "/" + i.get("operation") + "/" + i.get("httpStatus"))
                .containsExactlyInAnyOrderElementsOf(refused);
    }

    @Test
    void aListRecordsEveryPersonItReturnedAndNoOthers() {
        String org = Api.createOrganisation();
        String a = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String b = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String other = Api.createOrganisation();
        String stranger = Api.caseworker(other).body(Api.person(other)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        String subject = "lister-" + UUID.randomUUID();
        Api.caseworker(subject, org)
                .get("/api/v1/persons?size=100").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> ids = Api.as(List.of("AUDITOR"), null).queryParam("subject", subject).get("/api/v1/audit").then()
                    .statusCode(200).extract().jsonPath().getList("items[0].personIds");
            assertThat(ids).containsExactlyInAnyOrder(a, b).doesNotContain(stranger);
        });
    }
}
