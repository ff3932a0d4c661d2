package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Case workers accept, decline or override recommendations; every decision is visible with its reason. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class DecisionTest {

    private static String measure(String org) {
        return Api.json().body(Api.measure(Api.unique("DEC"), org)).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    private static void recommend(String person, String... measures) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < measures.length; i++) {
            items.add(Map.of("rank", i + 1, "measureId", measures[i], "measureCode", "DEC-" + i, "score", 0.5,
                    "reasons", List.of(Map.of("code", "NEED_MATCH", "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers DIGITAL_SKILLS."))));
        }
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "e", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z", "recommendations", items)).put("/api/v1/persons/" + person + "/recommendations")
                .then().statusCode(200);
    }

    @Test
    void acceptDeclineAndOverrideAreKeptWithTheirReasons() {
        String org = Api.createOrganisation();
        String accepted = measure(org);
        String declined = measure(org);
        String other = measure(org);
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        recommend(person, accepted, declined);

        var acceptance = Api.caseworker(org).body(Map.of("measureId", accepted, "decision", "ACCEPT"))
                .post("/api/v1/persons/" + person + "/decisions");
        acceptance.then().statusCode(201).header("ETag", "\"0\"")
                .body("enrolment.status", equalTo("REFERRED"), "enrolment.measureId", equalTo(accepted));
        // created where it can be read again, as every create is
        String decisionId = acceptance.path("id");
        assertThat(acceptance.header("Location")).endsWith("/api/v1/persons/" + person + "/decisions/" + decisionId);
        Api.caseworker(org).get(java.net.URI.create(acceptance.header("Location")).getPath()).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(decisionId), "decision", equalTo("ACCEPT"),
                        "enrolmentId", equalTo(acceptance.path("enrolment.id")), "enrolment", nullValue());
        Api.caseworker(org).header("If-None-Match", "\"0\"").get("/api/v1/persons/" + person + "/decisions/" + decisionId)
                .then().statusCode(304);
        Api.caseworker(Api.createOrganisation()).get("/api/v1/persons/" + person + "/decisions/" + decisionId).then()
                .statusCode(404);
        Api.caseworker(org).get("/api/v1/persons/" + person + "/decisions/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        Api.caseworker(org).body(Map.of("measureId", declined, "decision", "DECLINE")).post("/api/v1/persons/" + person + "/decisions")
                .then().statusCode(400).body("violations[0].field", equalTo("reasonCode"));
        Api.caseworker(org).body(Map.of("measureId", declined, "decision", "DECLINE", "reasonCode", "TOO_FAR", "note", "two buses each way"))
                .post("/api/v1/persons/" + person + "/decisions").then().statusCode(201);
        Api.caseworker(org).body(Map.of("measureId", other, "decision", "ACCEPT")).post("/api/v1/persons/" + person + "/decisions")
                .then().statusCode(409).body("detail", containsString("OVERRIDE"));
        Api.caseworker(org).body(Map.of("measureId", other, "decision", "OVERRIDE", "reasonCode", "BETTER_FIT"))
                .post("/api/v1/persons/" + person + "/decisions").then().statusCode(201).body("enrolment.status", equalTo("REFERRED"));

        // a page, like every other list
        Api.caseworker(org).get("/api/v1/persons/" + person + "/decisions").then().statusCode(200)
                .body("items", hasSize(3), "page", equalTo(0), "size", equalTo(20), "total", equalTo(3),
                        "items.decision", equalTo(List.of("ACCEPT", "DECLINE", "OVERRIDE")),
                        "items.reasonCode[1]", equalTo("TOO_FAR"), "items.note[1]", equalTo("two buses each way"),
                        "items.reasonCode[2]", equalTo("BETTER_FIT"));
        Api.caseworker(org).queryParam("page", 1).queryParam("size", 2).get("/api/v1/persons/" + person + "/decisions").then()
                .statusCode(200).header("Link", containsString("rel=\"first\""))
                .body("items", hasSize(1), "items[0].decision", equalTo("OVERRIDE"), "total", equalTo(3));

        // The worker is told never to offer the declined measure (nor the ones the person is referred to) again...
        Api.matcher().get("/api/v1/matching/persons/" + person).then().statusCode(200)
                .body("excludedMeasureIds", hasItem(declined), "excludedMeasureIds", hasItem(accepted), "excludedMeasureIds", hasItem(other));
        // ...until the person changes: then the decline no longer holds.
        Map<String, Object> changed = Api.person(org);
        changed.put("needs", List.of("DIGITAL_SKILLS", "HOUSING"));
        Api.caseworker(org).header("If-Match", "*").body(changed).put("/api/v1/persons/" + person).then().statusCode(200);
        // (status and the exclusions that still hold first: an error body has no list, and "not in it" would pass)
        Api.matcher().get("/api/v1/matching/persons/" + person).then().statusCode(200).contentType("application/json")
                .body("excludedMeasureIds", hasItem(accepted), "excludedMeasureIds", hasItem(other),
                        "excludedMeasureIds", not(hasItem(declined)));

        Api.caseworker(Api.createOrganisation()).get("/api/v1/persons/" + person + "/decisions").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
