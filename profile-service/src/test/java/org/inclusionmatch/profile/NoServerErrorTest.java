package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The inputs that gave a 5xx (or a wrong 4xx) on issue 8, each reproduced once. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class NoServerErrorTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/organisations", "/api/v1/programmes", "/api/v1/measures", "/api/v1/persons",
            "/api/v1/enrolments", "/api/v1/outcomes", "/api/v1/audit"})
    void aPageFarBeyondTheEndIsEmptyNotA500(String list) {
        String org = Api.createOrganisation();
        Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201);
        List<String> roles = list.endsWith("audit") ? List.of("AUDITOR") : List.of("ADMIN");
        for (String page : List.of("21474837", "21474836", String.valueOf(Integer.MAX_VALUE))) {
            Api.as(roles, org).queryParam("page", page).queryParam("size", 100).get(list)
                    .then().statusCode(200).body("items", empty(), "page", equalTo(Integer.parseInt(page)),
                            "total", notNullValue());
        }
    }

    @Test
    void anIdempotencyKeyOnAPersonReplaysTheFirstResponse() {
        String org = Api.createOrganisation();
        String key = "retry-" + UUID.randomUUID();
        Response first = Api.caseworker(org).header("Idempotency-Key", key).body(Api.person(org)).post("/api/v1/persons");
        first.then().statusCode(201).contentType("application/json");
        Response again = Api.caseworker(org).header("Idempotency-Key", key).body(Api.person(org)).post("/api/v1/persons");
        again.then().statusCode(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
        Api.caseworker(org).get("/api/v1/persons").then().body("total", equalTo(1));

        // the same key with another body is the client's mistake, and says so
        Map<String, Object> other = Api.person(org);
        other.put("birthYear", 1970);
        Api.caseworker(org).header("Idempotency-Key", key).body(other).post("/api/v1/persons")
                .then().statusCode(422).contentType(PROBLEM).body("type", containsString("idempotency-key-reused"));
        // keys are per organisation: another organisation's caseworker with the same key creates their own person
        String otherOrg = Api.createOrganisation();
        String theirs = Api.caseworker(otherOrg).header("Idempotency-Key", key).body(Api.person(otherOrg))
                .post("/api/v1/persons").then().statusCode(201).extract().path("id");
        assertThat(theirs).isNotEqualTo(first.path("id"));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnceAndAllGetTheSameResponse() throws Exception {
        String org = Api.createOrganisation();
        String token = Api.token(List.of("CASEWORKER"), org);
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Api.person(org));
        String key = "burst-" + UUID.randomUUID();
        int clients = 200;
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/persons");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        List<String> responses;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() + "\n" + r.headers().firstValue("Location").orElse("-") + "\n"
                            + r.headers().firstValue("ETag").orElse("-") + "\n" + r.body();
                }));
            }
            start.countDown();
            responses = new ArrayList<>();
            for (Future<String> f : futures) {
                responses.add(f.get());
            }
        }
        Set<String> distinct = new HashSet<>(responses);
        assertThat(distinct).as("distinct responses of %d", clients).hasSize(1);
        assertThat(responses.get(0)).startsWith("201\n");
        Api.caseworker(org).get("/api/v1/persons").then().statusCode(200).body("total", equalTo(1));
        System.out.printf("IDEMPOTENCY: %d concurrent creates with one key, 1 person, 1 distinct response%n", clients);
    }

    @Test
    void unauthenticatedAndForbiddenAreProblems() {
        Api.anonymous().get("/api/v1/measures").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://inclusion-match.org/problems/unauthorized"),
                        "title", equalTo("Unauthorized"), "status", equalTo(401), "detail", notNullValue());
        Api.anonymous().auth().oauth2("not.a.token").get("/api/v1/persons").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", equalTo(401));
        Api.anonymous().body("{}").post("/api/v1/organisations").then().statusCode(401).contentType(PROBLEM);

        String org = Api.createOrganisation();
        Api.as(List.of("PARTNER"), org).body(Api.organisation(Api.unique("NO"))).post("/api/v1/organisations")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://inclusion-match.org/problems/forbidden"),
                        "title", equalTo("Forbidden"), "status", equalTo(403), "detail", notNullValue());
        Api.as(List.of("CASEWORKER"), org).get("/api/v1/audit").then().statusCode(403).contentType(PROBLEM)
                .body("status", equalTo(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/xml", "multipart/form-data; boundary=x"})
    void aGetWithAContentTypeAndNoBodyIsServed(String contentType) {
        String org = Api.createOrganisation();
        Api.json().contentType(contentType).get("/api/v1/measures").then().statusCode(200);
        Api.json().contentType(contentType).get("/api/v1/organisations/" + org).then().statusCode(200);
        Api.caseworker(org).contentType(contentType).get("/api/v1/persons").then().statusCode(200);
        // a body of the wrong type is still refused
        Api.json().contentType("text/plain").body("code=X").post("/api/v1/organisations").then().statusCode(415);
    }

    @Test
    void anOversizeBodyIsA413Problem() throws Exception {
        // The refusal comes as soon as the announced length is read, and the connection is closed while the client
        // may still be sending (RFC 9112 9.6). A client that reads the response while it writes (java.net.http)
        // gets the problem; one that writes everything first (RestAssured's) may see the reset instead.
        String huge = "{\"code\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + Api.token(List.of("ADMIN"), null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        JsonPath problem = new JsonPath(response.body());
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("title")).isEqualTo("Payload too large");
        assertThat(problem.getString("detail")).contains("bytes");
    }

    @Test
    void anOversizeChunkedBodyIsA413() throws Exception {
        // No Content-Length: the limit is found while reading, by RESTEasy Reactive's input stream, which answers a
        // bare 413 and closes the connection; only the announced-length case (RequestLimits) carries a problem body.
        byte[] huge = ("{\"code\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/organisations"))
                .header("Authorization", "Bearer " + Api.token(List.of("ADMIN"), null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void nulInTextIsA400NamingTheField() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("municipality", "Sigul\u0000da");
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("municipality"), "violations[0].message", containsString("NUL"));
        Map<String, Object> organisation = Api.organisation(Api.unique("NUL"));
        organisation.put("name", "\u0000");
        Api.json().body(organisation).post("/api/v1/organisations").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("name"));
        for (String[] list : new String[][] {{"/api/v1/organisations", "code"}, {"/api/v1/measures", "need"},
                {"/api/v1/persons", "targetGroup"}}) {
            Api.caseworker(org).queryParam(list[1], "A\u0000B").get(list[0])
                    .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("NUL"));
        }
        Api.as(List.of("AUDITOR"), null).queryParam("subject", "\u0000").get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z"})
    void anAuditPeriodBeyondWhatTheDatabaseHoldsIsA400(String instant) {
        Api.as(List.of("AUDITOR"), null).queryParam("to", instant).get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("to"));
        Api.as(List.of("AUDITOR"), null).queryParam("from", instant).get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
    }

    @Test
    void datesBeyondWhatTheDatabaseHoldsAreA400() {
        String org = Api.createOrganisation();
        Map<String, Object> programme = Api.programme(Api.unique("FAR"), org);
        programme.put("endDate", "+5874898-01-01");
        Api.json().body(programme).post("/api/v1/programmes").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("endDate"), "violations[0].message", containsString("9999-12-31"));
        programme.put("endDate", "+999999999-12-31");
        Api.json().body(programme).post("/api/v1/programmes").then().statusCode(400).contentType(PROBLEM);
        programme.put("endDate", "9999-12-31");
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201)
                .body("endDate", equalTo("9999-12-31")).extract().path("id");

        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> outcome = new HashMap<>(Map.of("personId", person, "programmeId", programmeId,
                "periodStart", "-999999999-01-01", "periodEnd", "2026-08-31", "status", "EMPLOYED", "outcomeDate", "2026-08-31"));
        Api.json().body(outcome).post("/api/v1/outcomes").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("periodStart"));

        Map<String, Object> recommendations = Map.of("profileVersion", 0, "engineVersion", "engine-1",
                "evaluationDay", "2026-11-23", "computedAt", "+294277-01-01T00:00:00Z", "recommendations", List.of());
        Api.matcher().body(recommendations).put("/api/v1/persons/" + person + "/recommendations")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("computedAt"));
        Map<String, Object> beyondJava = new HashMap<>(recommendations);
        beyondJava.put("computedAt", "+1000000001-01-01T00:00:00Z"); // beyond Instant.MAX: Jackson's own refusal
        Api.matcher().body(beyondJava).put("/api/v1/persons/" + person + "/recommendations")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("computedAt"));

        Api.json().queryParam("programmeId", programmeId).queryParam("from", "+5874898-01-01").get("/api/v1/reports/inclusion")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
    }

    @Test
    void nullItemsInAnImportedCatalogueAreNamed() {
        String[][] cases = {
                {"{\"organisations\": [null]}", "organisations[0]"},
                {"{\"programmes\": [null]}", "programmes[0]"},
                {"{\"measures\": [null]}", "measures[0]"},
        };
        for (String[] c : cases) {
            Api.json().body(c[0]).post("/api/v1/catalogue/import").then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(c[1]));
        }
        String org = Api.unique("NULLS");
        Map<String, Object> organisation = Api.organisation(org);
        Map<String, Object> measure = new HashMap<>(Map.of("code", Api.unique("M"), "provider", org, "kind", "TRAINING",
                "title", "T", "capacity", 5));
        measure.put("needs", java.util.Arrays.asList("HOUSING", null));
        measure.put("regions", java.util.Arrays.asList(null, "RIGA"));
        Map<String, Object> programme = new HashMap<>(Map.of("code", Api.unique("P"), "name", "P", "operator", org,
                "startDate", "2026-01-01", "endDate", "2026-12-31", "capacity", 5));
        programme.put("regions", java.util.Arrays.asList("RIGA", null));
        Api.json().body(Map.of("organisations", List.of(organisation), "programmes", List.of(programme)))
                .post("/api/v1/catalogue/import").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(startsWith("programmes[0].regions")));
        Api.json().body(Map.of("organisations", List.of(organisation), "measures", List.of(measure)))
                .post("/api/v1/catalogue/import").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem(startsWith("measures[0]")));
        // all or nothing: none of it was stored
        Api.json().queryParam("code", org).get("/api/v1/organisations").then().body("total", equalTo(0));
    }
}
