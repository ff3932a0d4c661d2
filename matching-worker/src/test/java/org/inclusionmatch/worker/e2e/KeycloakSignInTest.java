package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.KeycloakLogin;
import org.inclusionmatch.servers.LocalKeycloak;
import org.inclusionmatch.servers.testing.KeycloakTestResource;
import org.inclusionmatch.worker.api.ServiceToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Sign-in with a real identity provider: Keycloak (from Maven Central, started by the project) with the realm of
 * deploy/keycloak, profile-service trusting its keys, the worker getting its token from it. A case worker signs in
 * through Swagger UI in a real browser (authorization code with PKCE) and sees only her organisation's persons; the
 * worker matches a person with its client-credentials token; a partner's machine client reads its organisation's
 * data; a key rotation is taken without a restart; and the tokens a claim alone cannot make right are refused.
 * The methods run in order: the key rotation comes after the journeys whose tokens it would retire.
 */
@QuarkusTest
@WithTestResource(KeycloakStackResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInTest {

    private static final String UNAUTHORIZED = "https://inclusion-match.org/problems/unauthorized";
    private static final String FORBIDDEN = "https://inclusion-match.org/problems/forbidden";
    private static final Path SCRIPT = Path.of("src/test/browser/sign-in.mjs");

    static String api;
    static String realm;
    static String adminToken;

    @Inject
    ServiceToken workerToken;

    @BeforeAll
    static void catalogue() throws Exception {
        api = ConfigProvider.getConfig().getValue("inclusion.test.profile-service-url", String.class);
        realm = KeycloakTestResource.server().realmUrl();
        adminToken = userToken("admin");
        as(adminToken).body(Files.readString(Path.of("../deploy/local/demo/catalogue.json")))
                .post("/api/v1/catalogue/import").then().statusCode(200);
        Stack.awaitWorkerCaughtUp(Stack.topic("catalogue"));
    }

    @Test
    @Order(1)
    void aCaseWorkerSignsInThroughSwaggerUiAndSeesOnlyHerOrganisationsPersons() throws Exception {
        String vpd = organisation("VPD");
        String mine = createPerson(userToken("caseworker-vpd"));
        String theirs = createPerson(userToken("caseworker-lrc"));

        JsonNode seen = signInThroughSwaggerUi("caseworker-vpd", KeycloakLogin.DEMO_PASSWORD);

        assertThat(seen.path("authorize").asText()).contains("client_id=inclusion-web", "code_challenge=",
                "code_challenge_method=S256");
        assertThat(seen.path("token").path("body").asText()).contains("grant_type=authorization_code", "code_verifier=");
        assertThat(seen.path("token").path("status").asInt()).isEqualTo(200);
        JsonNode persons = seen.path("persons");
        assertThat(persons.path("status").asInt()).as("Execute in Swagger UI: %s", persons).isEqualTo(200);
        assertThat(persons.path("authorization").asText()).startsWith("Bearer ey");
        List<String> ids = persons.path("body").path("items").findValuesAsText("id");
        assertThat(ids).contains(mine).doesNotContain(theirs);
        assertThat(persons.path("body").path("items").findValuesAsText("organisationId")).containsOnly(vpd);
    }

    @Test
    @Order(2)
    void theWorkerGetsItsTokenByClientCredentialsAndMatchesAPerson() {
        String caseworker = userToken("caseworker-vpd");
        String person = createPerson(caseworker);

        await().atMost(Duration.ofSeconds(60)).until(() -> as(caseworker).get("/api/v1/persons/" + person + "/recommendations")
                .then().statusCode(200).extract().path("computedAt") != null);
        assertThat(as(caseworker).get("/api/v1/persons/" + person + "/recommendations").then().extract()
                .<List<?>>path("recommendations")).isNotEmpty();
        JsonNode claims = claims(workerToken.bearer());
        assertThat(claims.path("iss").asText()).isEqualTo(realm);
        assertThat(claims.path("azp").asText()).isEqualTo("matching-worker");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"MATCHER\"]");
    }

    @Test
    @Order(3)
    void aPartnersMachineClientReadsItsOrganisationsDataAndNoOneElses() {
        String rbcafe = organisation("RBCAFE");
        String ours = createPerson(userToken("caseworker-rbcafe"));
        String vpds = createPerson(userToken("caseworker-vpd"));
        String partner = clientToken("partner-rbcafe", "INCLUSION_RBCAFE_CLIENT_SECRET");

        assertThat(claims(partner).path("org").asText()).isEqualTo("RBCAFE");
        as(partner).get("/api/v1/persons/" + ours).then().statusCode(200).body("organisationId", equalTo(rbcafe));
        assertThat(as(partner).get("/api/v1/persons").then().statusCode(200).extract().<List<String>>path("items.organisationId"))
                .isNotEmpty().containsOnly(rbcafe);
        as(partner).get("/api/v1/persons/" + vpds).then().statusCode(404);
        as(partner).body(Stack.personBody()).post("/api/v1/persons").then().statusCode(403); // PARTNER reads only
    }

    @Test
    @Order(4)
    void aRotatedKeyIsTakenWithoutARestartAndTheRetiredKeysTokensAreRefused() throws Exception {
        String signedWithTheOldKey = clientToken("partner-rbcafe", "INCLUSION_RBCAFE_CLIENT_SECRET"); // not used before

        new KeycloakAdmin(keycloakUrl()).rotateSigningKey();

        String signedWithTheNewKey = clientToken("partner-rbcafe", "INCLUSION_RBCAFE_CLIENT_SECRET");
        assertThat(kid(signedWithTheNewKey)).isNotEqualTo(kid(signedWithTheOldKey));
        as(signedWithTheNewKey).get("/api/v1/persons").then().statusCode(200);
        refused(as(signedWithTheOldKey).get("/api/v1/persons"));
        // The worker's token was signed with the retired key too: refused once, it gets a new one and matches on.
        String caseworker = userToken("caseworker-vpd");
        String person = createPerson(caseworker);
        await().atMost(Duration.ofSeconds(60)).until(() -> as(caseworker).get("/api/v1/persons/" + person + "/recommendations")
                .then().statusCode(200).extract().path("computedAt") != null);
    }

    @Test
    @Order(5)
    void tokensFromAnotherIssuerForAnotherAudienceOrExpiredAreUnauthorizedProblems() throws Exception {
        // Another issuer: well formed and signed, by a key and issuer this deployment does not trust.
        refused(as(DevIssuer.generate().token("intruder", List.of("ADMIN"), null, 600)).get("/api/v1/persons"));
        // Another audience: a token of the same realm for another application (no inclusion-match audience).
        KeycloakAdmin admin = new KeycloakAdmin(keycloakUrl());
        admin.addClient("other-application", "other-secret", List.of("basic"), Map.of());
        String otherAudience = KeycloakLogin.clientToken(realm, "other-application", "other-secret");
        assertThat(claims(otherAudience).path("aud").isMissingNode() || !claims(otherAudience).path("aud").toString().contains("inclusion-match")).isTrue();
        refused(as(otherAudience).get("/api/v1/measures"));
        // Expired: a client whose tokens live 2 s (the service under test allows 1 s for clocks apart).
        admin.addClient("short-lived", "short-secret", List.of("basic", "inclusion-match-api"), Map.of("access.token.lifespan", "2"));
        String expiring = KeycloakLogin.clientToken(realm, "short-lived", "short-secret");
        TimeUnit.SECONDS.sleep(4);
        refused(as(expiring).get("/api/v1/measures"));
    }

    @Test
    @Order(6)
    void aUserOfAnOrganisationThatDoesNotExistHereIsForbiddenNotShownAnEmptyWorld() throws Exception {
        new KeycloakAdmin(keycloakUrl()).addUserOfOrganisation("caseworker-closed", KeycloakLogin.DEMO_PASSWORD, "CLOSED-NGO", "CASEWORKER");
        String token = userToken("caseworker-closed");
        assertThat(claims(token).path("org").asText()).isEqualTo("CLOSED-NGO");

        for (String path : List.of("/api/v1/persons", "/api/v1/measures")) {
            as(token).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(FORBIDDEN), "detail", containsString("'CLOSED-NGO'"));
        }
    }

    // --- helpers ---

    private static void refused(io.restassured.response.Response response) {
        response.then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo(UNAUTHORIZED));
    }

    static RequestSpecification as(String token) {
        return given().baseUri(api).contentType(ContentType.JSON).accept(ContentType.JSON).auth().oauth2(token);
    }

    static String userToken(String username) {
        try {
            return KeycloakLogin.userToken(realm, KeycloakTestResource.webOrigin() + "/q/swagger-ui/oauth2-redirect.html",
                    username, KeycloakLogin.DEMO_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String clientToken(String clientId, String secretVariable) {
        try {
            return KeycloakLogin.clientToken(realm, clientId, KeycloakTestResource.secrets().get(secretVariable));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("inclusion.test.keycloak-url", String.class);
    }

    private static String organisation(String code) {
        return as(adminToken).queryParam("code", code).get("/api/v1/organisations").then().statusCode(200).extract().path("items[0].id");
    }

    private static String createPerson(String caseworker) {
        return as(caseworker).body(Stack.personBody()).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static JsonNode claims(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kid(String jwt) throws java.io.IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).path("kid").asText();
    }

    private static JsonNode signInThroughSwaggerUi(String username, String password) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new IllegalStateException("/usr/bin/chromium is missing: run deploy/local/node-tools.sh as root (it installs Debian's chromium)");
        }
        Path out = Files.createTempFile(Path.of("target"), "sign-in", ".json");
        Process node = new ProcessBuilder("bash", "../tools/node/run.sh", "node", SCRIPT.toString(), api + "/q/swagger-ui/", username, password)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("the browser did not finish within 90 s");
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as("sign-in.mjs exit status (its errors are above): %s", printed).isZero();
        return new ObjectMapper().readTree(printed);
    }
}
