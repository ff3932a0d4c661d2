package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * Issue 12, item 5: HTTP semantics for browsers and clients. If-Match is required on every update and delete (428
 * without, 412 when stale, nothing changed either way); If-None-Match gives a 304; paged lists have Link headers;
 * every response, errors included, carries a request id, also in problem bodies.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class HttpSemanticsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    record Versioned(String name, String path, Map<String, Object> body, Function<String, io.restassured.specification.RequestSpecification> as) {
    }

    /** One record of each kind the API updates or deletes, each at version 0. */
    private List<Versioned> records() {
        String org = Api.createOrganisation();
        Map<String, Object> orgBody = Api.organisation(Api.unique("ORG"));
        String orgId = Api.json().body(orgBody).post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        Map<String, Object> programme = Api.programme(Api.unique("PRG"), org);
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> measure = Api.measure(Api.unique("M"), org);
        String measureId = Api.json().body(measure).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Map<String, Object> person = Api.person(org);
        String personId = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> outcome = Map.of("personId", personId, "programmeId", programmeId, "periodStart", "2026-01-01",
                "periodEnd", "2026-06-30", "status", "NOT_INCLUDED", "outcomeDate", "2026-06-30");
        String outcomeId = Api.caseworker(org).body(outcome).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
        return List.of(
                new Versioned("organisation", "/api/v1/organisations/" + orgId, orgBody, x -> Api.json()),
                new Versioned("programme", "/api/v1/programmes/" + programmeId, programme, x -> Api.json()),
                new Versioned("measure", "/api/v1/measures/" + measureId, measure, x -> Api.json()),
                // the outcome before its person: erasing the person erases the outcome too
                new Versioned("outcome", "/api/v1/outcomes/" + outcomeId, outcome, x -> Api.caseworker(org)),
                new Versioned("person", "/api/v1/persons/" + personId, person, x -> Api.caseworker(org)));
    }

    @Test
    void updatesAndDeletesWithoutIfMatchAre428AndChangeNothing() {
        for (Versioned r : records()) {
            r.as().apply(null).body(r.body()).put(r.path()).then().statusCode(428).contentType(PROBLEM)
                    .body("type", equalTo("https://inclusion-match.org/problems/precondition-required"),
                            "status", equalTo(428));
            r.as().apply(null).header("If-Match", "").body(r.body()).put(r.path()).then().statusCode(428);
            if (!r.name().equals("outcome")) { // outcomes are corrected, never deleted
                r.as().apply(null).delete(r.path()).then().statusCode(428).contentType(PROBLEM);
            }
            r.as().apply(null).get(r.path()).then().statusCode(200).header("ETag", "\"0\"");
        }
    }

    @Test
    void staleIfMatchIs412AndTheCurrentOneWrites() {
        for (Versioned r : records()) {
            r.as().apply(null).header("If-Match", "\"7\"").body(r.body()).put(r.path()).then().statusCode(412)
                    .contentType(PROBLEM).body("type", equalTo("https://inclusion-match.org/problems/stale-version"));
            if (!r.name().equals("outcome")) {
                r.as().apply(null).header("If-Match", "\"7\"").delete(r.path()).then().statusCode(412);
            }
            // the current version writes (an identical body stays at version 0)
            r.as().apply(null).header("If-Match", "\"0\"").body(r.body()).put(r.path()).then().statusCode(200)
                    .header("ETag", "\"0\"");
            if (!r.name().equals("outcome") && !r.name().equals("programme")) { // the outcome refers to the programme
                r.as().apply(null).header("If-Match", "W/\"5\", \"6\"").delete(r.path()).then().statusCode(412);
                r.as().apply(null).header("If-Match", "W/\"5\", \"0\"").delete(r.path()).then().statusCode(204);
                r.as().apply(null).get(r.path()).then().statusCode(404);
            }
        }
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutBody() {
        Versioned programme = records().get(1);
        Api.json().header("If-None-Match", "\"0\"").get(programme.path()).then().statusCode(304)
                .header("ETag", "\"0\"").body(emptyString());
        Api.json().header("If-None-Match", "W/\"0\"").get(programme.path()).then().statusCode(304);
        Api.json().header("If-None-Match", "\"5\", \"0\"").get(programme.path()).then().statusCode(304);
        Api.json().header("If-None-Match", "*").get(programme.path()).then().statusCode(304);
        // another version, or not a tag: the full answer
        Api.json().header("If-None-Match", "\"1\"").get(programme.path()).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0));
        Api.json().header("If-None-Match", "0").get(programme.path()).then().statusCode(200);
        // a changed record is sent again
        Map<String, Object> renamed = new HashMap<>(programme.body());
        renamed.put("name", "Renamed " + UUID.randomUUID());
        Api.json().header("If-Match", "\"0\"").body(renamed).put(programme.path()).then().statusCode(200);
        Api.json().header("If-None-Match", "\"0\"").get(programme.path()).then().statusCode(200).header("ETag", "\"1\"");
        // no 304 for what is not a 200 with an ETag
        Api.json().header("If-None-Match", "*").get("/api/v1/programmes/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void pagedListsHaveFirstPrevNextAndLastLinks() {
        String org = Api.createOrganisation();
        for (int i = 0; i < 5; i++) {
            Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201);
        }
        String base = "/api/v1/persons?role=PARTICIPANT&size=2";
        Map<String, String> first = links(Api.caseworker(org).get(base + "&page=0"));
        assertThat(first).containsOnlyKeys("first", "next", "last");
        assertThat(first.get("next")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=1&size=2");
        assertThat(first.get("last")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=2&size=2");
        assertThat(first.get("first")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=0&size=2");

        Map<String, String> middle = links(Api.caseworker(org).get(base + "&page=1"));
        assertThat(middle).containsOnlyKeys("first", "prev", "next", "last");
        assertThat(middle.get("prev")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=0&size=2");
        assertThat(middle.get("next")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=2&size=2");

        Response lastPage = Api.caseworker(org).get(base + "&page=2");
        lastPage.then().statusCode(200).body("items.size()", equalTo(1), "total", equalTo(5), "page", equalTo(2));
        Map<String, String> last = links(lastPage);
        assertThat(last).containsOnlyKeys("first", "prev", "last");
        assertThat(last.get("prev")).isEqualTo("/api/v1/persons?role=PARTICIPANT&page=1&size=2");

        // beyond the end: prev leads back to the last page; default paging still names its size
        assertThat(links(Api.caseworker(org).get(base + "&page=9"))).containsEntry("prev",
                "/api/v1/persons?role=PARTICIPANT&page=2&size=2").doesNotContainKey("next");
        assertThat(links(Api.caseworker(org).get("/api/v1/persons"))).containsEntry("last", "/api/v1/persons?page=0&size=20");
        // an empty list still has first and last
        assertThat(links(Api.caseworker(org).get("/api/v1/persons?need=NO_SUCH_NEED"))).containsOnlyKeys("first", "last");
        // and so does every other paged list
        assertThat(links(Api.json().get("/api/v1/measures?size=1"))).containsKeys("first", "next", "last");
    }

    @Test
    void theKeysetPagedMatchingListLinksItsNextPage() {
        String org = Api.createOrganisation();
        Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201);
        Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201);
        String measure = Api.json().body(Api.measure(Api.unique("M"), org)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
        Response first = Api.matcher().get("/api/v1/matching/persons?measureId=" + measure + "&size=1");
        String next = first.then().statusCode(200).extract().path("next");
        assertThat(next).isNotNull();
        assertThat(first.header("Link")).isEqualTo("</api/v1/matching/persons?measureId=" + measure + "&size=1&after=" + next
                + ">; rel=\"next\"");
    }

    private static Map<String, String> links(Response response) {
        response.then().statusCode(200);
        String header = response.header("Link");
        assertThat(header).as("Link header").isNotNull();
        return Arrays.stream(header.split(",\\s*")).map(link -> link.split(";\\s*rel="))
                .collect(Collectors.toMap(parts -> parts[1].replace("\"", ""),
                        parts -> parts[0].trim().replaceAll("^<|>$", "")));
    }

    @Test
    void aWellFormedRequestIdIsEchoedOnSuccessAndOnEveryKindOfError() {
        String id = "req-" + UUID.randomUUID();
        Api.json().header("X-Request-Id", id).get("/api/v1/organisations").then().statusCode(200)
                .header("X-Request-Id", id);
        // 404 from a use case
        Api.json().header("X-Request-Id", id).get("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(404)
                .header("X-Request-Id", id).body("requestId", equalTo(id));
        // 401 from the security layer
        Api.anonymous().header("X-Request-Id", id).get("/api/v1/organisations").then().statusCode(401)
                .header("X-Request-Id", id).body("requestId", equalTo(id));
        // 403
        Api.as(List.of("PARTNER"), null).header("X-Request-Id", id).body("{}").post("/api/v1/organisations").then()
                .statusCode(403).header("X-Request-Id", id).body("requestId", equalTo(id));
        // 400 validation and malformed JSON
        Api.json().header("X-Request-Id", id).body("{").post("/api/v1/organisations").then().statusCode(400)
                .header("X-Request-Id", id).body("requestId", equalTo(id));
        // 413: refused before the REST layer
        Api.json().header("X-Request-Id", id).body("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/api/v1/organisations").then().statusCode(413).header("X-Request-Id", id)
                .body("requestId", equalTo(id), "type", equalTo("https://inclusion-match.org/problems/payload-too-large"));
        // 405 and an unknown path
        Api.json().header("X-Request-Id", id).delete("/api/v1/organisations").then().statusCode(405)
                .header("X-Request-Id", id);
        RestAssured.given().header("X-Request-Id", id).get("/nothing/here").then().statusCode(404).header("X-Request-Id", id);
        // platform endpoints too
        RestAssured.given().header("X-Request-Id", id).get("/q/health/live").then().header("X-Request-Id", id);
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAFreshUuid() {
        String generated = Api.json().get("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(404)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN)).extract().header("X-Request-Id");
        Api.json().get("/api/v1/organisations/" + UUID.randomUUID()).then()
                .body("requestId", matchesPattern(UUID_PATTERN), "requestId", not(equalTo(generated)));
        for (String bad : List.of("short", "Jānis Bērziņš", "x".repeat(65), "a b c d e f g h", "id;drop", "<script>")) {
            String echoed = Api.json().header("X-Request-Id", bad).get("/api/v1/organisations/" + UUID.randomUUID())
                    .then().statusCode(404).body("requestId", matchesPattern(UUID_PATTERN))
                    .extract().header("X-Request-Id");
            assertThat(echoed).as("for %s", bad).matches(UUID_PATTERN);
        }
    }
}
