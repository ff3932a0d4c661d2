package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 2: each cause answers its own problem type of the catalogue (common.ProblemType), with the
 * catalogue's status, and a request id. Every 409 used to be "conflict"; a client can now tell them apart.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ProblemTypesTest {

    private final Map<String, String> wrong = new LinkedHashMap<>();

    private void expect(String type, int status, Response response) {
        String actualType = response.contentType().startsWith("application/problem+json") ? response.path("type") : null;
        if (response.statusCode() != status || !("https://inclusion-match.org/problems/" + type).equals(actualType)
                || response.path("requestId") == null) {
            wrong.put(type, response.statusCode() + " " + response.asString());
        }
    }

    private static Map<String, Object> recommendations(long profileVersion, String... measures) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < measures.length; i++) {
            items.add(Map.of("rank", i + 1, "measureId", measures[i], "measureCode", "PT-" + i, "score", 0.5,
                    "reasons", List.of(Map.of("code", "NEED_MATCH", "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers it."))));
        }
        return Map.of("profileVersion", profileVersion, "engineVersion", "e", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z", "recommendations", items);
    }

    @Test
    void everyCauseHasItsOwnType() {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();

        // 400s
        expect("validation", 400, Api.json().body(Map.of("code", "x")).post("/api/v1/organisations"));
        expect("malformed-json", 400, Api.json().body("{").post("/api/v1/organisations"));
        expect("bad-request", 400, Api.matcher().get("/api/v1/matching/persons"));
        Map<String, Object> badRule = Api.programme(Api.unique("PT"), org);
        badRule.put("eligibility", "person.noSuchField == 1");
        expect("invalid-rule", 400, Api.json().body(badRule).post("/api/v1/programmes"));
        Map<String, Object> costlyRule = Api.programme(Api.unique("PT"), org);
        costlyRule.put("eligibility", "person.age" + " + 1".repeat(40) + " > 0"); // over the nesting depth
        expect("rule-too-costly", 400, Api.json().body(costlyRule).post("/api/v1/programmes"));

        // 401, 403, 404, 405, 406, 415
        expect("unauthorized", 401, Api.anonymous().get("/api/v1/organisations"));
        expect("forbidden", 403, Api.caseworker(org).body(Api.organisation(Api.unique("PT"))).post("/api/v1/organisations"));
        expect("not-found", 404, Api.json().get("/api/v1/organisations/" + UUID.randomUUID()));
        expect("method-not-allowed", 405, Api.json().delete("/api/v1/organisations"));
        expect("not-acceptable", 406, Api.json().accept("application/xml").get("/api/v1/organisations"));
        expect("unsupported-media-type", 415, Api.json().contentType("text/plain").body("x").post("/api/v1/organisations"));

        // 409s, one per cause
        Map<String, Object> organisation = Api.organisation(Api.unique("PT"));
        Api.json().body(organisation).post("/api/v1/organisations").then().statusCode(201);
        expect("duplicate-code", 409, Api.json().body(organisation).post("/api/v1/organisations"));

        Map<String, Object> withRef = Api.person(org);
        withRef.put("externalRef", "PT-" + UUID.randomUUID());
        Api.caseworker(org).body(withRef).post("/api/v1/persons").then().statusCode(201);
        expect("duplicate-external-ref", 409, Api.caseworker(org).body(withRef).post("/api/v1/persons"));

        String programme = Api.json().body(Api.programme(Api.unique("PT"), org)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> measureBody = Api.measure(Api.unique("PT"), org);
        measureBody.put("programmeId", programme);
        String measure = Api.json().body(measureBody).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        expect("still-referenced", 409, Api.json().header("If-Match", "\"0\"").delete("/api/v1/programmes/" + programme));

        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String enrolment = Api.caseworker(org).body(Map.of("personId", person, "measureId", measure)).post("/api/v1/enrolments")
                .then().statusCode(201).extract().path("id");
        expect("already-enrolled", 409, Api.caseworker(org).body(Map.of("personId", person, "measureId", measure))
                .post("/api/v1/enrolments"));
        expect("illegal-transition", 409, Api.caseworker(org).body(Map.of("status", "COMPLETED"))
                .post("/api/v1/enrolments/" + enrolment + "/status"));

        Map<String, Object> outcome = Map.of("personId", person, "programmeId", programme, "periodStart", "2026-01-01",
                "periodEnd", "2026-06-30", "status", "NOT_INCLUDED", "outcomeDate", "2026-06-30");
        Api.caseworker(org).body(outcome).post("/api/v1/outcomes").then().statusCode(201);
        expect("outcome-exists", 409, Api.caseworker(org).body(outcome).post("/api/v1/outcomes"));

        String decided = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String recommended = Api.json().body(Api.measure(Api.unique("PT"), org)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
        Api.matcher().body(recommendations(0, recommended)).put("/api/v1/persons/" + decided + "/recommendations")
                .then().statusCode(200);
        expect("not-recommended", 409, Api.caseworker(org).body(Map.of("measureId", measure, "decision", "ACCEPT"))
                .post("/api/v1/persons/" + decided + "/decisions"));
        expect("already-recommended", 409, Api.caseworker(org)
                .body(Map.of("measureId", recommended, "decision", "OVERRIDE", "reasonCode", "OTHER"))
                .post("/api/v1/persons/" + decided + "/decisions"));
        expect("stale-profile-version", 409, Api.matcher().body(recommendations(5, recommended))
                .put("/api/v1/persons/" + decided + "/recommendations"));
        Map<String, Object> withdrawn = Api.person(org);
        withdrawn.put("matchingAllowed", false);
        String withdrawnId = Api.caseworker(org).body(withdrawn).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        expect("matching-withdrawn", 409, Api.matcher().body(recommendations(0, recommended))
                .put("/api/v1/persons/" + withdrawnId + "/recommendations"));

        // 412, 428
        expect("stale-version", 412, Api.caseworker(org).header("If-Match", "\"9\"").body(Api.person(org)).put("/api/v1/persons/" + person));
        expect("precondition-required", 428, Api.caseworker(org).body(Api.person(org)).put("/api/v1/persons/" + person));

        // 422s
        String key = "pt-" + UUID.randomUUID();
        Api.json().header("Idempotency-Key", key).body(Api.organisation(Api.unique("PT"))).post("/api/v1/organisations")
                .then().statusCode(201);
        expect("idempotency-key-reused", 422, Api.json().header("Idempotency-Key", key)
                .body(Api.organisation(Api.unique("PT"))).post("/api/v1/organisations"));
        String stranger = Api.caseworker(other).body(Api.person(other)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> notParticipant = new HashMap<>(outcome);
        notParticipant.put("personId", stranger);
        expect("not-a-participant", 422, Api.caseworker(other).body(notParticipant).post("/api/v1/outcomes"));
        Map<String, Object> ahead = new HashMap<>(outcome);
        ahead.put("periodEnd", java.time.LocalDate.now().plusMonths(2).toString());
        expect("date-in-future", 422, Api.caseworker(org).body(ahead).post("/api/v1/outcomes"));
        expect("import-rejected", 422, Api.caseworker(org).contentType("application/x-ndjson")
                .body("{\"externalRef\":\"PT-BAD\"}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/persons/import?atomic=true"));

        assertThat(wrong).as("causes answered with another type or status (or no request id)").isEmpty();
    }
}
