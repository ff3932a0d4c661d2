package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The what-if of a draft programme on a small catalogue whose answer is computed by hand: three stored measures for a
 * need of this test's own (so no other test's catalogue or persons take part), and a draft measure that serves a goal
 * as well, so it ranks first for everyone its programme's rule and regions admit, and pushes the third stored measure
 * out of their top three. Published figures are checked exactly: the hand-computed count plus the cell-key noise of
 * the very persons counted, read from their record keys.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class WhatIfTest {

    private static final String WHAT_IF = "/api/v1/programmes/what-if";

    @Inject
    AgroalDataSource dataSource;

    private String org;
    private String need;
    private String goal;
    private String third;
    /** Person ids by group: RIGA over-50 single parents (8), RIGA single parents (7), PIERIGA single parents (7), VIDZEME over-50 (3). */
    private final Map<String, List<String>> groups = new HashMap<>();

    @BeforeEach
    void smallCatalogue() {
        org = Api.createOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        need = "WI_NEED_" + tag;
        goal = "WI_GOAL_" + tag;
        String prefix = Api.unique("WI");
        for (String n : List.of("E1", "E2", "E3")) {
            Map<String, Object> m = Api.measure(prefix + "-" + n, org);
            m.put("needs", List.of(need));
            m.put("remote", true);
            m.put("capacity", 100);
            String id = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
            if (n.equals("E3")) {
                third = id;
            }
        }
        groups.put("A", persons(8, "RIGA", List.of("OVER_50", "SINGLE_PARENT")));
        groups.put("B", persons(7, "RIGA", List.of("SINGLE_PARENT")));
        groups.put("C", persons(7, "PIERIGA", List.of("SINGLE_PARENT")));
        groups.put("D", persons(3, "VIDZEME", List.of("OVER_50")));
    }

    private List<String> persons(int n, String region, List<String> targetGroups) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = Api.person(org);
            p.put("region", region);
            p.put("targetGroups", targetGroups);
            p.put("needs", List.of(need));
            p.put("goals", List.of(goal));
            ids.add(Api.caseworker(org).body(p).post("/api/v1/persons").then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    /** A programme for the over-50s in RIGA, PIERIGA and VIDZEME, with one measure in RIGA and VIDZEME. */
    private Map<String, Object> draft() {
        Map<String, Object> programme = Api.programme(Api.unique("WI-DRAFT"), org);
        programme.put("startDate", "2026-01-01");
        programme.put("endDate", "2030-12-31");
        programme.put("regions", List.of("RIGA", "PIERIGA", "VIDZEME"));
        programme.put("eligibility", "person.targetGroups.exists(g, g == 'OVER_50')");
        Map<String, Object> measure = Api.measure(Api.unique("WI-D1"), org);
        measure.put("needs", List.of(need));
        measure.put("goals", List.of(goal));
        measure.put("regions", List.of("RIGA", "VIDZEME"));
        measure.put("capacity", 100);
        Map<String, Object> body = new HashMap<>();
        body.put("programme", programme);
        body.put("measures", List.of(measure));
        return body;
    }

    @Test
    void theAnswerOnASmallCatalogueIsTheHandComputedOneUnderTheReportsDisclosureControl() throws SQLException {
        JsonPath answer = Api.caseworker(org).body(draft()).post(WHAT_IF).then().statusCode(200).extract().jsonPath();

        List<String> eligible = concat(groups.get("A"), groups.get("D"));  // over 50, in a region of the draft measure
        List<String> everyone = concat(eligible, groups.get("B"), groups.get("C"));
        assertThat(answer.getString("organisationId")).isEqualTo(org);
        assertThat(answer.getString("disclosureControl")).isEqualTo("CELL_KEY_PERTURBATION");
        assertThat(answer.getInt("minimumCell")).isEqualTo(5);
        assertThat(answer.getList("draftMeasures")).hasSize(1);
        // total: 25 persons, 11 eligible, the same 11 with the draft measure first
        assertThat(answer.getInt("total.persons")).isEqualTo(published(everyone));
        assertThat(answer.getInt("total.eligible")).isEqualTo(published(eligible));
        assertThat(answer.getInt("total.topThree")).isEqualTo(published(eligible));
        assertThat(answer.getBoolean("total.suppressed")).isFalse();
        // RIGA: 15 persons, 8 eligible (7 are not, so the 8 may be shown)
        Map<String, Object> riga = row(answer, "byRegion", "region", "RIGA");
        assertThat(riga).containsEntry("persons", published(concat(groups.get("A"), groups.get("B"))))
                .containsEntry("eligible", published(groups.get("A"))).containsEntry("topThree", published(groups.get("A")))
                .containsEntry("suppressed", false);
        // PIERIGA: 7 persons, none eligible: the 0 is a small cell, withheld
        Map<String, Object> pieriga = row(answer, "byRegion", "region", "PIERIGA");
        assertThat(pieriga).containsEntry("persons", published(groups.get("C"))).containsEntry("eligible", null)
                .containsEntry("topThree", null).containsEntry("suppressed", true);
        // VIDZEME: 3 persons, suppressed altogether
        Map<String, Object> vidzeme = row(answer, "byRegion", "region", "VIDZEME");
        assertThat(vidzeme).containsEntry("persons", null).containsEntry("eligible", null).containsEntry("suppressed", true);
        // OVER_50: all 11 eligible, so "the rest" is 0 and the count would name everyone: withheld
        Map<String, Object> over50 = row(answer, "byTargetGroup", "targetGroup", "OVER_50");
        assertThat(over50).containsEntry("persons", published(eligible)).containsEntry("eligible", null)
                .containsEntry("suppressed", true);
        Map<String, Object> singleParents = row(answer, "byTargetGroup", "targetGroup", "SINGLE_PARENT");
        assertThat(singleParents)
                .containsEntry("persons", published(concat(groups.get("A"), groups.get("B"), groups.get("C"))))
                .containsEntry("eligible", published(groups.get("A"))).containsEntry("suppressed", false);
        // the third stored measure leaves the top three of the 11; the other two stay
        assertThat(answer.getList("displaced.measureId")).containsExactly(third);
        assertThat(answer.getInt("displaced[0].persons")).isEqualTo(published(eligible));
    }

    @Test
    void aCaseworkerCountsOnlyTheirOrganisationsPersonsAnAdminEveryones() {
        String other = Api.createOrganisation();
        JsonPath stranger = Api.caseworker(other).body(draft()).post(WHAT_IF).then().statusCode(200).extract().jsonPath();
        assertThat(stranger.getString("organisationId")).isEqualTo(other);
        assertThat(stranger.getString("total.persons")).isNull(); // none of theirs: an empty count is withheld
        assertThat(stranger.getList("displaced")).isEmpty();
        // Persons of another organisation, made here so that everyone's count exceeds org's 25 whatever ran before
        // (alone, this method would see the same 25 persons both ways, and equal figures): 25 + 7 = 32 or more,
        // published as at least 30, against org's 25 published as at most 27. Without this test's need or goal,
        // the draft is nothing to them and they lose no measure.
        for (int i = 0; i < 7; i++) {
            Api.caseworker(other).body(Api.person(other)).post("/api/v1/persons").then().statusCode(201);
        }

        JsonPath own = Api.caseworker(org).body(draft()).post(WHAT_IF).then().statusCode(200).extract().jsonPath();
        // every region and target group is listed all the same, in the fixed order (issue 21), each withheld
        assertThat(stranger.getList("byRegion.region")).isEqualTo(own.getList("byRegion.region"))
                .containsExactly("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE");
        assertThat(stranger.getList("byTargetGroup.targetGroup")).isEqualTo(own.getList("byTargetGroup.targetGroup"))
                .hasSize(19 + 1).startsWith("AFTER_CHILDCARE_LEAVE").endsWith("OTHER");
        assertThat(stranger.getList("byTargetGroup.suppressed", Boolean.class)).containsOnly(true);
        JsonPath admin = Api.json().body(draft()).post(WHAT_IF).then().statusCode(200).extract().jsonPath();
        assertThat(admin.getString("organisationId")).isNull();
        assertThat(admin.getInt("total.persons")).isGreaterThan(own.getInt("total.persons"));
        // the persons who lose the third measure are the same 11 (nobody else has the need): the same figure
        assertThat(admin.getList("displaced.measureId")).containsExactly(third);
        assertThat(admin.getInt("displaced[0].persons")).isEqualTo(own.getInt("displaced[0].persons"));
    }

    @Test
    void rolesWithoutTheRightAreRefused() {
        for (String role : List.of("PARTNER", "AUDITOR", "MATCHER")) {
            Api.as(List.of(role), org).body(draft()).post(WHAT_IF).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
        Api.anonymous().body(draft()).post(WHAT_IF).then().statusCode(401);
    }

    @Test
    void badDraftsGetTheProblemsTheirCreatesGet() {
        Map<String, Object> noProgramme = draft();
        noProgramme.remove("programme");
        Api.json().body(noProgramme).post(WHAT_IF).then().statusCode(400).contentType(startsWith("application/problem+json"));

        Map<String, Object> noMeasures = draft();
        noMeasures.put("measures", List.of());
        Api.json().body(noMeasures).post(WHAT_IF).then().statusCode(400).contentType(startsWith("application/problem+json"));

        // fields are named by their path in the what-if's body
        Map<String, Object> noCode = draft();
        @SuppressWarnings("unchecked")
        Map<String, Object> codeless = new HashMap<>((Map<String, Object>) noCode.get("programme"));
        codeless.remove("code");
        noCode.put("programme", codeless);
        Api.json().body(noCode).post(WHAT_IF).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("programme.code"));

        // a rule that does not compile: the problem createMeasure gives
        Map<String, Object> badRule = draft();
        @SuppressWarnings("unchecked")
        Map<String, Object> measure = new HashMap<>(((List<Map<String, Object>>) badRule.get("measures")).getFirst());
        measure.put("eligibility", "person.salary > 1000");
        badRule.put("measures", List.of(measure));
        JsonPath onCreate = Api.json().body(measure).post("/api/v1/measures").then().extract().jsonPath();
        Api.json().body(badRule).post(WHAT_IF).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(onCreate.getString("type")), "violations[0].field", equalTo("measures[0].eligibility"));

        // a draft measure names no programme: it belongs to the draft
        Map<String, Object> elsewhere = draft();
        measure = new HashMap<>(((List<Map<String, Object>>) elsewhere.get("measures")).getFirst());
        measure.put("programmeId", UUID.randomUUID().toString());
        elsewhere.put("measures", List.of(measure));
        Api.json().body(elsewhere).post(WHAT_IF).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("measures[0].programmeId"));

        // an operator that does not exist: as on createProgramme
        Map<String, Object> unknownOperator = draft();
        @SuppressWarnings("unchecked")
        Map<String, Object> programme = new HashMap<>((Map<String, Object>) unknownOperator.get("programme"));
        programme.put("operatorId", UUID.randomUUID().toString());
        unknownOperator.put("programme", programme);
        int onCreateStatus = Api.json().body(programme).post("/api/v1/programmes").then().extract().statusCode();
        assertThat(onCreateStatus).isBetween(400, 499);
        Api.json().body(unknownOperator).post(WHAT_IF).then().statusCode(onCreateStatus)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void nothingIsStoredAndOneAuditEntryRecordsTheAggregateRead() throws SQLException {
        // a stored result for one of the persons, to see that it stays as it is
        String person = groups.get("A").getFirst();
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "engine-2.0.0", "evaluationDay", "2026-11-23",
                        "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", third,
                                "measureCode", "E3", "score", 0.5, "reasons", List.of(Map.of("code", "NEED_MATCH",
                                        "params", Map.of("need", "HOUSING"), "text", "Covers the need HOUSING."))))))
                .put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
        String recommendations = text("select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from recommendation_set r");
        String recommended = text("select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from recommended_measure r");
        String outbox = text("select coalesce(max(seq), 0)::text from outbox_event");
        String catalogue = text("select (select count(*) from programme) || '/' || (select count(*) from measure)");

        Map<String, Object> body = draft();
        String subject = "designer-" + UUID.randomUUID();
        JsonPath answer = Api.caseworker(subject, org).body(body).post(WHAT_IF).then().statusCode(200).extract().jsonPath();

        assertThat(text("select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from recommendation_set r"))
                .isEqualTo(recommendations);
        assertThat(text("select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from recommended_measure r"))
                .isEqualTo(recommended);
        assertThat(text("select coalesce(max(seq), 0)::text from outbox_event")).isEqualTo(outbox);
        assertThat(text("select (select count(*) from programme) || '/' || (select count(*) from measure)")).isEqualTo(catalogue);
        String draftMeasure = answer.getString("draftMeasures[0].id");
        Api.json().get("/api/v1/measures/" + draftMeasure).then().statusCode(404);
        @SuppressWarnings("unchecked")
        String code = (String) ((Map<String, Object>) body.get("programme")).get("code");
        Api.json().queryParam("code", code).get("/api/v1/programmes").then().statusCode(200).body("total", equalTo(0));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath audit = Api.as(List.of("AUDITOR"), null).queryParam("subject", subject).get("/api/v1/audit").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(audit.getList("items.resourceType")).containsExactly("WHAT_IF");
            assertThat(audit.getList("items[0].personIds")).isEmpty();
        });
    }

    /** What the report's disclosure control publishes for exactly these persons. */
    private Integer published(List<String> personIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select coalesce(sum(record_key), 0) from person where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", personIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return CellKeyMethod.publish(personIds.size(), rs.getLong(1));
            }
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Object> row(JsonPath answer, String list, String key, String value) {
        List<Map<String, Object>> rows = answer.getList(list);
        return rows.stream().filter(r -> value.equals(r.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + list + " row " + value + " in " + rows));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
