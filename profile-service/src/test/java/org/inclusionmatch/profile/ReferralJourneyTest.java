package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A referral walked by both organisations as their case workers would, through a validating proxy (Prism) with the
 * served document. The referrer (a probation office) refers its client to a social enterprise's work placement with a
 * contact and a message and records the client's consent to share his age and criminal-record context with the
 * enterprise. The provider finds the referral in its inbox and reads exactly that. The consent is withdrawn, and the
 * provider's next read has only the referral's minimum. The provider accepts, enrols and completes; the referrer
 * records the outcome. A second referral to a one-place measure expires unanswered and the place goes to the one
 * waiting. Every call goes over the wire through Prism, and the test fails on any request or response the document
 * does not describe.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReferralJourneyTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Riga")).toString();

    @Test
    void bothOrganisationsWorkAReferralFromReferralToOutcome() throws Exception {
        // Started here, not in @BeforeAll: Quarkus sets RestAssured's port to the service's before each test.
        try (ValidatingProxy prism = Api.throughPrism()) {
            walk(prism);
        }
    }

    private static void walk(ValidatingProxy prism) {
        String probation = Api.createOrganisation();
        String enterprise = Api.createOrganisation();
        String programmeId = Api.json().body(Api.programme(Api.unique("JOURNEY"), enterprise)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        String placement = measure(enterprise, programmeId, 3);

        // The referrer: its client, referred with a contact and a message, and his consent to share two categories.
        Map<String, Object> client = Api.person(probation);
        client.put("birthYear", 1969);
        client.put("gender", "MALE");
        client.put("region", "RIGA");
        client.put("targetGroups", List.of("FORMER_PRISONER", "LONG_TERM_UNEMPLOYED"));
        client.put("needs", List.of("DIGITAL_SKILLS", "HOUSING"));
        client.put("languages", List.of("lv", "ru"));
        String person = Api.caseworker(probation).body(client).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> referralBody = new HashMap<>(Map.of("personId", person, "measureId", placement,
                "contact", Map.of("name", "Anna Bērziņa", "email", "anna.berzina@probacija.example.lv", "phone", "+371 2612 3456"),
                "message", "Released in November; available on weekday mornings."));
        String referral = Api.caseworker(probation).body(referralBody).post("/api/v1/enrolments").then().statusCode(201)
                .body("status", equalTo("REFERRED"), "referrerId", equalTo(probation), "providerId", equalTo(enterprise),
                        "answerBy", notNullValue(), "overdue", equalTo(false))
                .extract().path("id");
        String consent = Api.caseworker(probation).body(Map.of("recipientOrganisationId", enterprise, "enrolmentId", referral,
                        "categories", List.of("AGE", "CRIMINAL_RECORD"), "givenOn", TODAY))
                .post("/api/v1/persons/" + person + "/consents").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");

        // The provider: the referral is in its inbox; it reads the referral and exactly the consented fields.
        Api.caseworker(enterprise).queryParam("status", "REFERRED").get("/api/v1/referrals").then().statusCode(200)
                .body("items.id", equalTo(List.of(referral)));
        JsonPath seen = Api.caseworker(enterprise).get("/api/v1/referrals/" + referral).then().statusCode(200)
                .body("referrer.id", equalTo(probation), "contact.name", equalTo("Anna Bērziņa"),
                        "needs", equalTo(List.of("DIGITAL_SKILLS")), "languages", equalTo(List.of("lv", "ru")),
                        "shared.categories", equalTo(List.of("AGE", "CRIMINAL_RECORD")), "shared.birthYear", equalTo(1969),
                        "shared.targetGroups", equalTo(List.of("FORMER_PRISONER")))
                .extract().jsonPath();
        assertThat(seen.getMap("shared")).as("consented fields only").doesNotContainKeys("gender", "region", "municipality",
                "archetype", "needs");
        Api.caseworker(enterprise).get("/api/v1/persons/" + person).then().statusCode(404)
                .body("detail", containsString("is not visible to your organisation"));

        // The referrer withdraws the consent: the provider's next read has the referral's minimum only.
        Api.caseworker(probation).post("/api/v1/persons/" + person + "/consents/" + consent + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        String after = Api.caseworker(enterprise).get("/api/v1/referrals/" + referral).then().statusCode(200)
                .body("shared.categories", equalTo(List.of())).extract().asString();
        assertThat(after).doesNotContain("1969", "FORMER_PRISONER", "LONG_TERM_UNEMPLOYED");

        // The referrer cannot answer its own referral; the provider answers, enrols and completes.
        Api.caseworker(probation).body(Map.of("status", "ACCEPTED")).post("/api/v1/enrolments/" + referral + "/status")
                .then().statusCode(403).body("type", equalTo("https://inclusion-match.org/problems/other-sides-move"),
                        "detail", containsString("the provider's move"));
        for (String step : List.of("ACCEPTED", "ENROLLED", "COMPLETED")) {
            Api.caseworker(enterprise).body(Map.of("status", step)).post("/api/v1/enrolments/" + referral + "/status")
                    .then().statusCode(200).body("status", equalTo(step));
        }

        // The referrer sees where it went and records the outcome (for a period that has ended).
        Api.caseworker(probation).get("/api/v1/enrolments/" + referral).then().statusCode(200).body("status", equalTo("COMPLETED"));
        Api.caseworker(probation).body(Map.of("personId", person, "programmeId", programmeId, "periodStart", "2026-03-01",
                        "periodEnd", "2026-08-31", "status", "EMPLOYED", "outcomeDate", "2026-08-31"))
                .post("/api/v1/outcomes").then().statusCode(201);

        // A second referral, to a one-place measure, is left unanswered: it expires and the place goes to the one waiting.
        String onePlace = measure(enterprise, null, 1);
        String first = Api.caseworker(probation).body(Map.of("personId", newPerson(probation), "measureId", onePlace,
                        "answerBy", Instant.now().plusSeconds(3).toString()))
                .post("/api/v1/enrolments").then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");
        String waiting = Api.refer(probation, newPerson(probation), onePlace).then().statusCode(201)
                .body("status", equalTo("WAITLISTED"), "waitlistPosition", equalTo(1)).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                "EXPIRED".equals(Api.caseworker(probation).get("/api/v1/enrolments/" + first).path("status")));
        Api.caseworker(enterprise).get("/api/v1/referrals/" + waiting).then().statusCode(200)
                .body("status", equalTo("REFERRED"), "answerBy", notNullValue());
        Api.caseworker(enterprise).body(Map.of("status", "ACCEPTED")).post("/api/v1/enrolments/" + first + "/status")
                .then().statusCode(409);

        assertThat(prism.violations()).as("what Prism found the document does not describe").isEmpty();
        long calls = prism.forwarded();
        assertThat(calls).as("calls that went through Prism").isGreaterThanOrEqualTo(25);

        // And the proxy does look: a call the document does not allow (a status outside its enum) is reported.
        Api.caseworker(probation).queryParam("status", "NOT_A_STATUS").get("/api/v1/enrolments").then().statusCode(400);
        await().atMost(Duration.ofSeconds(5)).until(() -> !prism.violations().isEmpty());
        System.out.printf("REFERRAL JOURNEY: %d calls through Prism, 0 violations%n", calls);
    }

    private static String measure(String provider, String programmeId, int capacity) {
        Map<String, Object> m = Api.measure(Api.unique("PLACEMENT"), provider);
        m.put("kind", "WORK_PLACEMENT");
        m.put("capacity", capacity);
        m.put("seatsTaken", 0);
        if (programmeId != null) {
            m.put("programmeId", programmeId);
        }
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    private static String newPerson(String org) {
        Response created = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons");
        return created.then().statusCode(201).extract().path("id");
    }
}
