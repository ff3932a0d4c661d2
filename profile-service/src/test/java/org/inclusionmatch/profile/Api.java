package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Small builders for test records through the public API, each with a unique code so tests never collide. */
public final class Api {

    /** A token per role set and organisation, signed once and used for half its lifetime (signing costs ~1 ms). */
    private static final long TOKEN_LIFETIME_SECONDS = 600;
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String jwt, long reuseUntilNanos) {
    }

    private Api() {
    }

    /** As an ADMIN: manages organisations and the catalogue. */
    /**
     * Prism ({@link ValidatingProxy}) in front of the service under test, with the document the service serves, and
     * RestAssured pointed at it until it is closed: the builders below then go through it. Start it inside the test
     * method: Quarkus sets RestAssured's port to the service's before each test.
     */
    public static ValidatingProxy throughPrism() throws Exception {
        int servicePort = RestAssured.port;
        Path document = Path.of("target", "served-openapi.json").toAbsolutePath();
        // the partners' operations and the worker's (the journeys store recommendations as the worker does)
        Files.writeString(document, new ObjectMapper().writeValueAsString(servedDocuments()));
        ValidatingProxy prism = ValidatingProxy.start(document, "http://127.0.0.1:" + servicePort, Path.of("target", "prism.log"));
        RestAssured.port = prism.port();
        return prism.onClose(() -> RestAssured.port = servicePort);
    }

    /**
     * Every operation the service serves a contract for: the partners' document (/q/openapi) and the worker's internal
     * one (/q/openapi-internal), merged. Tests that walk every operation read this, so none is left out.
     */
    public static JsonNode servedDocuments() throws IOException {
        ObjectMapper json = new ObjectMapper();
        return ContractDocuments.merge(json.readTree(served("/q/openapi")), json.readTree(served("/q/openapi-internal")));
    }

    private static String served(String path) {
        return given().queryParam("format", "json").get(path).then().statusCode(200).extract().asString();
    }

    public static RequestSpecification json() {
        return as(List.of("ADMIN"), null);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** As a CASEWORKER of {@code organisationId}: persons of that organisation. */
    public static RequestSpecification caseworker(String organisationId) {
        return as(List.of("CASEWORKER"), organisationId);
    }

    public static RequestSpecification matcher() {
        return as(List.of("MATCHER"), null);
    }

    public static RequestSpecification as(List<String> roles, String organisationId) {
        return anonymous().auth().oauth2(token(roles, organisationId));
    }

    /** As a CASEWORKER of {@code organisationId} under a subject of the test's own, to find its audit entries. */
    public static RequestSpecification caseworker(String subject, String organisationId) {
        return anonymous().auth().oauth2(caseworkerToken(subject, organisationId));
    }

    public static String caseworkerToken(String subject, String organisationId) {
        return JwtTestResource.ISSUER.token(subject, List.of("CASEWORKER"), UUID.fromString(organisationId), 600);
    }

    public static String token(List<String> roles, String organisationId) {
        String key = roles + "/" + organisationId;
        long now = System.nanoTime();
        Token token = TOKENS.get(key);
        if (token == null || now > token.reuseUntilNanos()) {
            token = new Token(JwtTestResource.ISSUER.token("test-" + String.join("-", roles).toLowerCase(), roles,
                    organisationId == null ? null : UUID.fromString(organisationId), TOKEN_LIFETIME_SECONDS),
                    now + Duration.ofSeconds(TOKEN_LIFETIME_SECONDS / 2).toNanos());
            TOKENS.put(key, token);
        }
        return token.jwt();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> organisation(String code) {
        return new HashMap<>(Map.of("code", code, "name", "Org " + code, "kind", "NGO", "region", "RIGA"));
    }

    public static String createOrganisation() {
        return json().body(organisation(unique("ORG"))).post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> programme(String code, String operatorId) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", code);
        p.put("name", "Programme " + code);
        p.put("operatorId", operatorId);
        p.put("startDate", "2026-01-01");
        p.put("endDate", "2027-12-31");
        p.put("capacity", 60);
        p.put("regions", List.of("RIGA", "PIERIGA"));
        return p;
    }

    public static Map<String, Object> measure(String code, String providerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("providerId", providerId);
        m.put("kind", "TRAINING");
        m.put("title", "Course " + code);
        m.put("needs", List.of("DIGITAL_SKILLS"));
        m.put("regions", List.of("RIGA"));
        m.put("capacity", 10);
        m.put("seatsTaken", 2);
        return m;
    }

    /** A case worker of {@code organisationId} refers the person to the measure. */
    public static Response refer(String organisationId, String personId, String measureId) {
        return caseworker(organisationId).body(Map.of("personId", personId, "measureId", measureId)).post("/api/v1/enrolments");
    }

    /** A case worker of {@code organisationId} records that the person is kept apart from {@code otherPersonId}. */
    public static Response keepApart(String organisationId, String personId, String otherPersonId) {
        return caseworker(organisationId).body(Map.of("personId", personId, "otherPersonId", otherPersonId)).post("/api/v1/keep-apart");
    }

    public static Map<String, Object> person(String organisationId) {
        Map<String, Object> p = new HashMap<>();
        p.put("organisationId", organisationId);
        p.put("role", "PARTICIPANT");
        p.put("archetype", "GROWTH_ORIENTED");
        p.put("birthYear", 1992);
        p.put("gender", "FEMALE");
        p.put("region", "PIERIGA");
        p.put("municipality", "Sigulda");
        p.put("targetGroups", List.of("SINGLE_PARENT"));
        p.put("needs", List.of("CAREER_GUIDANCE", "DIGITAL_SKILLS"));
        p.put("goals", List.of("OPEN_LABOUR_MARKET"));
        p.put("languages", List.of("lv"));
        p.put("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-20"));
        p.put("matchingAllowed", true);
        return p;
    }
}
