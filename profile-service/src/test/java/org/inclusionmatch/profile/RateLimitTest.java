package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst from one client is refused with 429 problems that say when to send again, while another client of the same
 * organisation is served; every answer says what is left of the limit. The test profile gives the client
 * {@code rate-limit-test-client} a bucket of 5 refilled at 1 a second (application.properties).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class RateLimitTest {

    @Test
    void aBurstFromOneClientGets429sWithRetryAfterWhileAnotherClientIsServed() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        List<Response> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(Api.caseworker("rate-limit-test-client", org).get("/api/v1/persons/" + person));
        }
        List<Integer> statuses = burst.stream().map(Response::statusCode).toList();
        assertThat(statuses.subList(0, 5)).as("the bucket's 5").containsOnly(200);
        assertThat(statuses).as("then refused").contains(429);
        Response served = burst.get(0);
        assertThat(served.header("RateLimit-Policy")).isEqualTo("\"client\";q=5;w=5");
        assertThat(served.header("RateLimit")).matches("\"client\";r=4;t=[0-9]+");
        Response refused = burst.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("type")).isEqualTo("https://inclusion-match.org/problems/rate-limited");
        assertThat(refused.<String>path("detail")).contains("limit of 5 requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 5);
        assertThat(refused.header("RateLimit")).startsWith("\"client\";r=0;");

        // Another client of the same organisation is served meanwhile, with a limit of its own.
        Response other = Api.caseworker(org).get("/api/v1/persons/" + person);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.header("RateLimit-Policy")).isEqualTo("\"client\";q=100000;w=1");
        System.out.printf("RATE LIMIT: one client's burst of 12: %d served, %d refused (Retry-After %s s); another client served%n",
                statuses.stream().filter(s -> s == 200).count(), statuses.stream().filter(s -> s == 429).count(),
                refused.header("Retry-After"));
    }
}
