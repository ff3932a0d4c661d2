package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * What a frontend reads to show a person's recommendations and act on them, through a validating proxy (Prism) with
 * the served document, so that every null, header and status the answers carry is one the document describes: the
 * lists before they are computed (PENDING, Retry-After) and after (each item with its measure: a programme or none, a
 * measure deleted since), a decision created with Location and read back, the decisions as a page, the archetypes
 * with their roles, and an unknown query parameter refused by name.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class FrontendAnswersTest {

    @Test
    void aFrontendRendersAndActsWithOneCallPerScreen() throws Exception {
        try (ValidatingProxy prism = Api.throughPrism()) {
            walk();
            assertThat(prism.forwarded()).isGreaterThanOrEqualTo(12);
            assertThat(prism.violations()).as("requests and responses the document does not describe").isEmpty();
        }
    }

    private static void walk() {
        String org = Api.createOrganisation();
        String programme = Api.json().body(Api.programme(Api.unique("FE"), org)).post("/api/v1/programmes").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> inProgramme = Api.measure(Api.unique("FE-IN"), org);
        inProgramme.put("programmeId", programme);
        String recommended = Api.json().body(inProgramme).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String alone = Api.json().body(Api.measure(Api.unique("FE-OUT"), org)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String path = "/api/v1/persons/" + person + "/recommendations";

        // before the worker has stored anything: said so, with when to look again
        Api.caseworker(org).get(path).then().statusCode(200).header("Retry-After", notNullValue())
                .body("status", equalTo("PENDING"), "recommendations", hasSize(0), "profileVersion", nullValue());

        Map<String, Object> reason = Map.of("code", "NEED_MATCH", "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers DIGITAL_SKILLS.");
        Map<String, Object> result = new HashMap<>(Map.of("profileVersion", 0, "engineVersion", "engine-test",
                "evaluationDay", "2026-11-23", "computedAt", "2026-11-23T10:00:00Z",
                "recommendations", List.of(
                        Map.of("rank", 1, "measureId", recommended, "measureCode", inProgramme.get("code"), "score", 0.8,
                                "reasons", List.of(reason)),
                        Map.of("rank", 2, "measureId", UUID.randomUUID().toString(), "measureCode", "FE-GONE", "score", 0.3,
                                "reasons", List.of(reason))),
                "whyNot", List.of(Map.of("measureId", alone, "measureCode", "FE-OUT", "unmet",
                        List.of(Map.of("code", "NOT_IN_REGION", "params", Map.of("regions", "RIGA"), "text", "Only in RIGA.")),
                        "changes", List.of()))));
        Api.matcher().body(result).put(path).then().statusCode(200).body("status", equalTo("COMPUTED"));
        Api.caseworker(org).header("Accept-Language", "lv").get(path).then().statusCode(200)
                .header("Retry-After", nullValue())
                .body("recommendations[0].measure.programme.id", equalTo(programme),
                        "recommendations[0].measure.places.seatsLeft", equalTo(8),
                        "recommendations[0].measure.kindLabel", equalTo("Apmācība"),
                        "recommendations[1].measure", nullValue(),
                        "whyNot[0].measure.programme", nullValue(), "whyNot[0].measure.provider.id", equalTo(org));

        // a decision is created where it can be read again; the decisions are a page
        Response decided = Api.caseworker(org).body(Map.of("measureId", recommended, "decision", "ACCEPT"))
                .post("/api/v1/persons/" + person + "/decisions");
        decided.then().statusCode(201).header("ETag", "\"0\"");
        Api.caseworker(org).get(java.net.URI.create(decided.header("Location")).getPath()).then().statusCode(200)
                .body("decision", equalTo("ACCEPT"), "enrolment", nullValue());
        Api.caseworker(org).queryParam("size", 5).get("/api/v1/persons/" + person + "/decisions").then().statusCode(200)
                .body("items", hasSize(1), "total", equalTo(1));

        // a form offers the archetypes of the chosen role
        Api.caseworker(org).get("/api/v1/vocabulary/archetypes").then().statusCode(200)
                .body("codes.find { it.code == 'FOUNDER' }.role", equalTo("FACILITATOR"));

        // a misspelt filter is refused by name, not answered with everything
        Api.caseworker(org).queryParam("id", recommended).get("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));

        // withdrawn from matching: nothing computed, nothing awaited
        Map<String, Object> withdrawn = Api.person(org);
        withdrawn.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "*").body(withdrawn).put("/api/v1/persons/" + person).then().statusCode(200);
        Api.caseworker(org).get(path).then().statusCode(200).header("Retry-After", nullValue())
                .body("status", equalTo("WITHDRAWN"), "computedAt", nullValue());
    }
}
