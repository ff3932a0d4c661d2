package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A referral walked by both organisations, as their case workers would, through a validating proxy (Prism) with the
 * served document: the referrer (a probation office) refers its client to a social enterprise's work placement; the
 * provider finds it in its inbox, accepts, enrols and completes; the referrer records the outcome. Every call of the
 * journey goes over the wire through Prism, and the test fails on any request or response the document does not
 * describe.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReferralJourneyTest {

    @Test
    void bothOrganisationsWorkAReferralFromReferralToOutcome() throws Exception {
        // Started here, not in @BeforeAll: Quarkus sets RestAssured's port to the service's before each test.
        try (ValidatingProxy prism = ValidatingProxy.inFrontOfTheService()) {
            walk(prism);
        }
    }

    private static void walk(ValidatingProxy prism) {
        String probation = Api.createOrganisation();
        String enterprise = Api.createOrganisation();
        Map<String, Object> programme = Api.programme(Api.unique("JOURNEY"), enterprise);
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> placement = Api.measure(Api.unique("PLACEMENT"), enterprise);
        placement.put("programmeId", programmeId);
        placement.put("kind", "WORK_PLACEMENT");
        placement.put("capacity", 3);
        placement.put("seatsTaken", 0);
        String measure = Api.json().body(placement).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        // The referrer: its client, referred to the enterprise's placement.
        Map<String, Object> client = Api.person(probation);
        client.put("targetGroups", List.of("FORMER_PRISONER", "PROBATION_CLIENT"));
        client.put("gender", "MALE");
        client.put("region", "RIGA");
        String person = Api.caseworker(probation).body(client).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String referral = Api.refer(probation, person, measure).then().statusCode(201)
                .body("status", equalTo("REFERRED"), "referrerId", equalTo(probation), "providerId", equalTo(enterprise))
                .extract().path("id");

        // The provider: its inbox shows the referral; it answers, enrols and completes. The referrer cannot answer.
        List<String> inbox = Api.caseworker(enterprise).queryParam("status", "REFERRED").get("/api/v1/enrolments")
                .then().statusCode(200).extract().path("items.id");
        assertThat(inbox).containsExactly(referral);
        move(probation, referral, "ACCEPTED").then().statusCode(403)
                .body("type", equalTo("https://inclusion-match.org/problems/other-sides-move"));
        move(enterprise, referral, "ACCEPTED").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        move(enterprise, referral, "ENROLLED").then().statusCode(200);
        move(enterprise, referral, "COMPLETED").then().statusCode(200).body("nextMoves.size()", equalTo(0));

        // The referrer sees where it went and records the outcome.
        Api.caseworker(probation).get("/api/v1/enrolments/" + referral).then().statusCode(200).body("status", equalTo("COMPLETED"));
        Api.caseworker(probation).body(Map.of("personId", person, "programmeId", programmeId, "periodStart", "2026-03-01",
                        "periodEnd", "2026-08-31", "status", "EMPLOYED", "outcomeDate", "2026-08-31"))
                .post("/api/v1/outcomes").then().statusCode(201);

        assertThat(prism.forwarded()).as("calls that went through Prism").isGreaterThanOrEqualTo(12);
        assertThat(prism.violations()).as("what Prism found the document does not describe").isEmpty();
        // And the proxy does look: a call the document does not allow (a status outside its enum) is reported.
        Api.caseworker(probation).queryParam("status", "NOT_A_STATUS").get("/api/v1/enrolments").then().statusCode(400);
        await().atMost(Duration.ofSeconds(5)).until(() -> !prism.violations().isEmpty());
        System.out.printf("REFERRAL JOURNEY: %d calls through Prism, %d violations%n", prism.forwarded() - 1, 0);
    }

    private static io.restassured.response.Response move(String org, String enrolment, String status) {
        return Api.caseworker(org).body(Map.of("status", status)).post("/api/v1/enrolments/" + enrolment + "/status");
    }
}
