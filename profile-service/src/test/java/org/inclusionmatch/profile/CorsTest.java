package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A browser frontend on a listed origin can call the API; one on any other origin cannot. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class CorsTest {

    private static final String FRONTEND = "http://localhost:3000";

    @Test
    void aPreflightFromTheListedOriginAllowsAConditionalUpdate() {
        RestAssured.given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/persons/00000000-0000-0000-0000-000000000001")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONTEND))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void aResponseToTheListedOriginExposesTheETag() {
        String org = Api.createOrganisation();
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.caseworker(org).header("Origin", FRONTEND).get("/api/v1/persons/" + id).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONTEND))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    @Test
    void anotherOriginGetsNoPermission() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/persons/00000000-0000-0000-0000-000000000001")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
