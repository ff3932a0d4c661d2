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
