package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import org.inclusionmatch.servers.LocalKeycloak;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What an operator does in Keycloak's admin console, through its admin REST API, for the sign-in tests. */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final String token;

    /** Signed in as the bootstrap administrator of the test Keycloak (admin/admin, master realm). */
    KeycloakAdmin(String url) {
        this.url = url;
        this.token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(url + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private RequestSpecification realm() {
        return given().baseUri(url + "/admin/realms/" + LocalKeycloak.REALM).auth().oauth2(token).contentType("application/json");
    }

    /** Rotates the realm's signing key: a new RSA key takes over and the old one is removed (no longer published). */
    void rotateSigningKey() throws Exception {
        JsonNode providers = JSON.readTree(realm().queryParam("type", "org.keycloak.keys.KeyProvider").get("/components").asString());
        JsonNode old = null;
        for (JsonNode provider : providers) {
            if (provider.path("providerId").asText().equals("rsa-generated")) {
                old = provider;
            }
        }
        if (old == null) {
            throw new IllegalStateException("no rsa-generated key provider in " + providers);
        }
        realm().body(Map.of("name", "rsa-rotated-" + System.nanoTime(), "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", old.path("parentId").asText(),
                        "config", Map.of("priority", List.of("200"), "algorithm", List.of("RS256"))))
                .post("/components").then().statusCode(201);
        realm().delete("/components/" + old.path("id").asText()).then().statusCode(204);
    }

    /** A machine client of another application in the same realm: its tokens are not for this API (no audience). */
    void addClient(String clientId, String secret, List<String> scopes, Map<String, String> attributes) {
        realm().body(Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret", secret,
                        "standardFlowEnabled", false, "serviceAccountsEnabled", true, "defaultClientScopes", scopes,
                        "attributes", attributes))
                .post("/clients").then().statusCode(201);
    }

    /** A user in a new organisation group whose code names no organisation of the service. */
    void addUserOfOrganisation(String username, String password, String organisationCode, String role) throws Exception {
        JsonNode groups = JSON.readTree(realm().queryParam("search", "organisations").get("/groups").asString());
        String parent = groups.get(0).path("id").asText();
        realm().body(Map.of("name", organisationCode, "attributes", Map.of("organisation", List.of(organisationCode))))
                .post("/groups/" + parent + "/children").then().statusCode(201);
        realm().body(Map.of("username", username, "enabled", true, "emailVerified", true, "firstName", "Test", "lastName", "User",
                        "email", username + "@test.example", "groups", List.of("/organisations/" + organisationCode),
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/users").then().statusCode(201);
        String userId = JSON.readTree(realm().queryParam("username", username).queryParam("exact", true).get("/users").asString())
                .get(0).path("id").asText();
        JsonNode roleRep = JSON.readTree(realm().get("/roles/" + role).asString());
        realm().body(List.of(Map.of("id", roleRep.path("id").asText(), "name", role)))
                .post("/users/" + userId + "/role-mappings/realm").then().statusCode(204);
    }
}
