package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;


/**
 * Remembering verified tokens changes no answer: a token that
 * differs from a remembered one in any character (here: its signature) is verified, and refused, on its own.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class VerifiedTokenCacheTest {

    @Test
    void aTokenWithAnotherSignatureIsVerifiedOnItsOwn() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String token = Api.caseworkerToken("remembered", org);
        Api.anonymous().auth().oauth2(token).get("/api/v1/persons/" + person).then().statusCode(200);
        int dot = token.lastIndexOf('.');
        char last = token.charAt(dot + 5);
        String forged = token.substring(0, dot + 5) + (last == 'A' ? 'B' : 'A') + token.substring(dot + 6);
        Api.anonymous().auth().oauth2(forged).get("/api/v1/persons/" + person).then().statusCode(401);
        // and the same claims signed by someone else
        String[] parts = token.split("\\.");
        Api.anonymous().auth().oauth2(parts[0] + "." + parts[1] + ".AAAA").get("/api/v1/persons/" + person).then().statusCode(401);
    }
}
