package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input of every kind gets a 4xx problem with a useful detail; never a 5xx, a stack trace or SQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"code\": }", "not json", "{\"code\": \"A\",}"})
    void malformedJsonIsA400(String body) {
        Api.json().body(body).post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Malformed JSON"), "detail", containsString("not valid JSON"));
    }

    @Test
    void anArrayWhereAnObjectBelongsIsA400() {
        Api.json().body("[1,2]").post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("The body must be a JSON object"));
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        Map<String, Object> org = Api.organisation(Api.unique("E"));
        org.put("region", "MARS");
        Api.json().body(org).post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("region"),
                        "violations[0].message", allOf(containsString("RIGA"), containsString("LATGALE")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        Map<String, Object> measure = Api.measure(Api.unique("T"), Api.createOrganisation());
        measure.put("capacity", "lots");
        Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("capacity"));
        measure.put("capacity", 10);
        measure.put("needs", "HOUSING");
        Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("needs"));
        measure.put("needs", List.of("HOUSING"));
        measure.put("startDate", "23.11.2026");
        Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("startDate"));
    }

    @Test
    void anUnknownFieldIsRejectedButServerFieldsFromAReadAreIgnored() {
        Map<String, Object> org = Api.organisation(Api.unique("U"));
        org.put("regoin", "RIGA");
        Api.json().body(org).post("/api/v1/organisations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("Unknown field 'regoin'"));

        org.remove("regoin");
        org.put("id", "11111111-1111-1111-1111-111111111111");
        org.put("version", 7);
        Api.json().body(org).post("/api/v1/organisations")
                .then().statusCode(201).body("id", not(equalTo("11111111-1111-1111-1111-111111111111")), "version", equalTo(0));
    }

    @Test
    void missingAndInvalidFieldsAreListedTogether() {
        Api.json().body(Map.of("code", "lower case", "capacity", -1)).post("/api/v1/measures")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("code"), "violations.field", hasItem("capacity"),
                        "violations.field", hasItem("providerId"), "violations.field", hasItem("kind"),
                        "violations.field", hasItem("regions"), "violations.field", hasItem("title"));
    }

    @Test
    void badElementsOfListsNameTheirIndex() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("needs", List.of("HOUSING", "not a code"));
        Api.caseworker(org).body(person).post("/api/v1/persons")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("needs[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=101", "size=0", "page=-1", "size=abc", "region=MARS", "kind=SPACESHIP"})
    void badListParametersAre400(String query) {
        Api.json().get("/api/v1/measures?" + query)
                .then().statusCode(400).contentType(PROBLEM).body("detail", notNullValue());
    }

    @Test
    void anOversizeBodyIsA413() {
        String huge = "{\"code\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        Api.json().body(huge).post("/api/v1/organisations")
                .then().statusCode(413);
    }

    @Test
    void aMalformedIdIsA400AndAMissingRecordA404() {
        Api.json().get("/api/v1/measures/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("UUID"));
        Api.json().get("/api/v1/measures/00000000-0000-0000-0000-000000000000").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("is not visible to your organisation"));
        Api.json().get("/api/v1/nothing-here").then().statusCode(404);
    }

    @Test
    void theWrongMediaTypeIsA415() {
        Api.json().contentType("text/plain").body("code=X").post("/api/v1/organisations")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void noBodyIsA400() {
        Api.json().post("/api/v1/organisations").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void errorsNeverLeakInternals() {
        String body = Api.json().body("{").post("/api/v1/organisations").then()
                .statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500)).extract().asString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("Exception", "at org.", "SQL", "com.fasterxml");
    }

    /**
     * A value one character longer than the maxLength the committed document declares, on a free-text field of each
     * kind of JSON request body (partners' and the worker's), is a 400 validation problem naming the field: the bound partners read is the one the
     * service enforces. The rest of the body may be missing (its violations are listed too); ids need not exist,
     * since the body is validated before anything is looked up.
     */
    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource({
            "POST, /api/v1/organisations, OrganisationRequest, name, ADMIN",
            "POST, /api/v1/programmes, ProgrammeRequest, name, ADMIN",
            "POST, /api/v1/measures, MeasureRequest, title, ADMIN",
            "POST, /api/v1/persons, PersonRequest, municipality, ADMIN",
            "POST, /api/v1/enrolments, EnrolmentRequest, message, ADMIN",
            "POST, /api/v1/enrolments/" + NO_ID + "/status, EnrolmentTransition, note, ADMIN",
            "POST, /api/v1/persons/" + NO_ID + "/decisions, DecisionRequest, note, ADMIN",
            "POST, /api/v1/programmes/what-if, WhatIfRequest/ProgrammeRequest, programme.name, ADMIN",
            "PUT, /api/v1/persons/" + NO_ID + "/recommendations, RecommendationsRequest, engineVersion, MATCHER",
            "PUT, /api/v1/matching/recommendations, RecommendationsBatchRequest/RecommendationsBatchItem, items[0].engineVersion, MATCHER"})
    void aValueOverItsDocumentedMaxLengthIsA400NamingTheField(String method, String path, String schemas, String field,
                                                             String role) throws Exception {
        JsonNode document = ContractDocuments.committed();
        String[] names = schemas.split("/");
        String property = field.substring(field.lastIndexOf('.') + 1);
        int max = document.at("/components/schemas/" + names[names.length - 1] + "/properties/" + property + "/maxLength").asInt();
        assertThat(max).as("%s.%s declares a maxLength", names[names.length - 1], property).isPositive();
        // {"programme": {"name": "xxx..."}}, {"items": [{"engineVersion": "xxx..."}]}
        Object body = "x".repeat(max + 1);
        String[] steps = field.split("\\.");
        for (int i = steps.length - 1; i >= 0; i--) {
            Map<String, Object> level = new LinkedHashMap<>();
            String step = steps[i];
            level.put(step.replace("[0]", ""), step.endsWith("[0]") ? List.of(body) : body);
            body = level;
        }
        RequestSpecification request = role.equals("MATCHER") ? Api.matcher() : Api.json();
        request.body(body).request(method, path).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://inclusion-match.org/problems/validation"),
                        "violations.field", hasItem(field));
    }

    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";
}
