package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Authentication on every endpoint, and organisation scoping of person data for every role. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class SecurityTest {

    static final List<String> ROLES = List.of("ADMIN", "CASEWORKER", "PARTNER", "MATCHER", "AUDITOR");
    /** The answers that mean "not for you": forbidden by role, or not found in the caller's organisation. */
    static final java.util.Set<Integer> REFUSED = java.util.Set.of(403, 404);

    /** Every operation of the API, from the OpenAPI document, with path parameters filled in. */
    static List<String[]> operations() throws Exception {
        JsonNode doc = Api.servedDocuments();
        List<String[]> operations = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                operations.add(new String[] {op.getKey().toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString())})));
        return operations;
    }

    static Map<String, String> badTokens() throws Exception {
        String org = UUID.randomUUID().toString();
        Map<String, String> tokens = new LinkedHashMap<>();
        JwtClaims expired = DevIssuer.claims("x", List.of("ADMIN"), UUID.fromString(org), 600);
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        tokens.put("expired", DevIssuer.sign(expired, privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256));
        JwtClaims wrongIssuer = DevIssuer.claims("x", List.of("ADMIN"), UUID.fromString(org), 600);
        wrongIssuer.setIssuer("https://evil.example");
        tokens.put("wrong issuer", DevIssuer.sign(wrongIssuer, privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256));
        JwtClaims wrongAudience = DevIssuer.claims("x", List.of("ADMIN"), UUID.fromString(org), 600);
        wrongAudience.setAudience("somebody-else");
        tokens.put("wrong audience", DevIssuer.sign(wrongAudience, privateKey(), AlgorithmIdentifiers.RSA_USING_SHA256));
        tokens.put("bad signature", DevIssuer.generate().token("x", List.of("ADMIN"), UUID.fromString(org), 600));
        tokens.put("alg none", DevIssuer.sign(DevIssuer.claims("x", List.of("ADMIN"), UUID.fromString(org), 600), null,
                AlgorithmIdentifiers.NONE));
        tokens.put("garbage", "not.a.token");
        return tokens;
    }

    private static java.security.PrivateKey privateKey() throws Exception {
        String pem = JwtTestResource.ISSUER.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
    }

    private static Response call(io.restassured.specification.RequestSpecification spec, String method, String path) {
        return switch (method) {
            case "GET" -> spec.get(path);
            case "POST" -> spec.body("{}").post(path);
            case "PUT" -> spec.body("{}").put(path);
            case "DELETE" -> spec.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @Test
    void anonymousAndBadTokensGet401OnEveryEndpoint() throws Exception {
        List<String[]> operations = operations();
        Map<String, String> tokens = badTokens();
        List<String> notRefused = new ArrayList<>();
        int tried = 0;
        for (String[] op : operations) {
            tried++;
            int status = call(Api.anonymous(), op[0], op[1]).statusCode();
            if (status != 401) notRefused.add("anonymous " + op[0] + " " + op[1] + " -> " + status);
            for (var token : tokens.entrySet()) {
                tried++;
                status = call(Api.anonymous().auth().oauth2(token.getValue()), op[0], op[1]).statusCode();
                if (status != 401) notRefused.add(token.getKey() + " " + op[0] + " " + op[1] + " -> " + status);
            }
        }
        assertThat(operations).hasSizeGreaterThan(15);
        assertThat(notRefused).as("of %d attempts", tried).isEmpty();
        System.out.printf("SECURITY: %d anonymous/bad-token attempts on %d operations, all 401%n", tried, operations.size());

        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/openapi").then().statusCode(200);
    }

    @Test
    void noRoleReachesAnotherOrganisationsPersons() {
        List<String> orgs = List.of(Api.createOrganisation(), Api.createOrganisation(), Api.createOrganisation());
        Map<String, String> personOf = new LinkedHashMap<>();
        for (String org : orgs) {
            personOf.put(org, Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201)
                    .extract().path("id"));
        }
        int attempts = 0;
        List<String> successes = new ArrayList<>();
        for (String own : orgs) {
            for (String role : ROLES) {
                for (String other : orgs) {
                    if (other.equals(own)) continue;
                    String id = personOf.get(other);
                    Map<String, Object> body = Api.person(other);
                    Map<String, Response> responses = new LinkedHashMap<>();
                    responses.put("GET person", Api.as(List.of(role), own).get("/api/v1/persons/" + id));
                    responses.put("PUT person", Api.as(List.of(role), own).header("If-Match", "*").body(body).put("/api/v1/persons/" + id));
                    responses.put("GET recommendations", Api.as(List.of(role), own).get("/api/v1/persons/" + id + "/recommendations"));
                    responses.put("GET export", Api.as(List.of(role), own).get("/api/v1/persons/" + id + "/export"));
                    responses.put("DELETE person", Api.as(List.of(role), own).header("If-Match", "*").delete("/api/v1/persons/" + id));
                    // Refused means refused by rule: 403 (role) or 404 (not in your organisation). A 500 or a 400 is
                    // not a refusal; it only shows the request failed for some other reason, and hides whether the rule held.
                    for (var r : responses.entrySet()) {
                        attempts++;
                        int status = r.getValue().statusCode();
                        if (!REFUSED.contains(status)) successes.add(role + "@" + own + " " + r.getKey() + " -> " + status);
                    }
                    attempts++;
                    Response list = Api.as(List.of(role), own).queryParam("organisationId", other).get("/api/v1/persons");
                    boolean refused = REFUSED.contains(list.statusCode())
                            || list.statusCode() == 200 && list.jsonPath().getList("items").isEmpty();
                    if (!refused) {
                        successes.add(role + "@" + own + " listed " + other + " -> " + list.statusCode());
                    }
                }
            }
        }
        assertThat(successes).as("of %d attempts, answers other than 403/404", attempts).isEmpty();
        System.out.printf("SECURITY: %d cross-organisation attempts by %d roles, 0 successes%n", attempts, ROLES.size());
        // and the persons are all still there for their own organisation
        personOf.forEach((org, id) -> Api.caseworker(org).get("/api/v1/persons/" + id).then().statusCode(200));
    }

    @Test
    void rolesGetOnlyWhatTheirRuleAllows() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.as(List.of("PARTNER"), org).get("/api/v1/persons/" + person).then().statusCode(200);
        Api.as(List.of("PARTNER"), org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(403);
        Api.as(List.of("AUDITOR"), org).get("/api/v1/persons/" + person).then().statusCode(403);
        Api.as(List.of("MATCHER"), org).get("/api/v1/persons/" + person).then().statusCode(403);
        Api.as(List.of("CASEWORKER"), org).get("/api/v1/audit").then().statusCode(403);
        Api.as(List.of("AUDITOR"), null).get("/api/v1/audit").then().statusCode(200);
        Api.as(List.of("CASEWORKER"), org).get("/api/v1/matching/persons/" + person).then().statusCode(403);
        Api.as(List.of("PARTNER"), org).get("/api/v1/measures").then().statusCode(200);
        Api.as(List.of("PARTNER"), org).body(Api.organisation(Api.unique("NO"))).post("/api/v1/organisations").then().statusCode(403);

        // a case worker maintains the measures of their own organisation, and only those
        Api.caseworker(org).body(Api.measure(Api.unique("OWN"), org)).post("/api/v1/measures").then().statusCode(201);
        Api.caseworker(org).body(Api.measure(Api.unique("OTHER"), Api.createOrganisation())).post("/api/v1/measures")
                .then().statusCode(403).contentType("application/problem+json");
        // a token without an organisation sees no person data
        Api.as(List.of("CASEWORKER"), null).get("/api/v1/persons").then().statusCode(403);
    }

    @Test
    void serverSetFieldsAreIgnoredOnWrite() {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("organisationId", other);
        person.put("id", UUID.randomUUID().toString());
        person.put("version", 42);
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201)
                .body("organisationId", equalTo(org), "version", equalTo(0));
    }
}
