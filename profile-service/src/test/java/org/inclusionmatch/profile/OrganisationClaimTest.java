package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The organisation claim is checked on the server: it names an existing organisation by id or by code (what an
 * identity provider's group can carry), and a token naming none that exists is a 403 problem on every operation,
 * not an empty world. (Against Keycloak's own tokens: matching-worker's KeycloakSignInTest.)
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OrganisationClaimTest {

    private static final String FORBIDDEN = "https://inclusion-match.org/problems/forbidden";

    @Test
    void aCodeInTheClaimNamesTheOrganisationWithThatCode() {
        String code = Api.unique("ORG");
        String org = Api.json().body(Api.organisation(code)).post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String person = Api.caseworker(org).body(Api.person(null)).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        withOrganisationClaim("CASEWORKER", code).get("/api/v1/persons/" + person).then().statusCode(200)
                .body("organisationId", equalTo(org));
        withOrganisationClaim("CASEWORKER", code).get("/api/v1/persons").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aTokenNamingNoExistingOrganisationIsAForbiddenProblemEverywhere() {
        for (String claim : List.of(UUID.randomUUID().toString(), "NO-SUCH-ORG")) {
            for (String path : List.of("/api/v1/persons", "/api/v1/measures", "/api/v1/organisations")) {
                withOrganisationClaim("CASEWORKER", claim).get(path).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo(FORBIDDEN), "detail", containsString("'" + claim + "'"),
                                "detail", containsString("does not exist here"));
            }
        }
        // In Latvian too, like every problem.
        withOrganisationClaim("CASEWORKER", "NO-SUCH-ORG").header("Accept-Language", "lv").get("/api/v1/persons")
                .then().statusCode(403).body("detail", containsString("šeit nepastāv"));
    }

    @Test
    void aTokenWithoutOrganisationStillReadsTheCatalogue() {
        Api.as(List.of("CASEWORKER"), null).get("/api/v1/measures").then().statusCode(200);
    }

    private static RequestSpecification withOrganisationClaim(String role, String claim) {
        JwtClaims claims = DevIssuer.claims("org-claim-test", List.of(role), null, 600);
        claims.setStringClaim(DevIssuer.ORGANISATION_CLAIM, claim);
        return Api.anonymous().auth().oauth2(JwtTestResource.ISSUER.sign(claims));
    }
}
