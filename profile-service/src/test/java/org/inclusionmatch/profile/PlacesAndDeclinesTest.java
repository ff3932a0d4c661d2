package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Counters that stay true when measures move between programmes and capacities change, a waitlist that keeps
 * its order, and declines that hold while the offer is unchanged.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class PlacesAndDeclinesTest {

    private static String programme(String operator, int capacity) {
        Map<String, Object> p = Api.programme(Api.unique("PLC"), operator);
        p.put("capacity", capacity);
        return Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> measureBody(String provider, String programme, int capacity) {
        Map<String, Object> m = Api.measure(Api.unique("PLC"), provider);
        m.put("capacity", capacity);
        m.put("seatsTaken", 0);
        if (programme != null) {
            m.put("programmeId", programme);
        }
        return m;
    }

    private static String person(String org) {
        return Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static int placesHeld(String programme) {
        return Api.json().get("/api/v1/programmes/" + programme).then().statusCode(200).extract().path("placesHeld");
    }

    private static String status(String org, String enrolment) {
        return Api.caseworker(org).get("/api/v1/enrolments/" + enrolment).then().statusCode(200).extract().path("status");
    }

    private static void cancel(String org, String enrolment) {
        Api.caseworker(org).body(Map.of("status", "CANCELLED", "reason", "CHANGED_MIND"))
                .post("/api/v1/enrolments/" + enrolment + "/status").then().statusCode(200);
    }

    @Test
    void aPlaceIsFreedInTheProgrammeItWasCountedIn() {
        String org = Api.createOrganisation();
        String first = programme(org, 10);
        String second = programme(org, 10);
        Map<String, Object> body = measureBody(org, first, 5);
        String measure = Api.json().body(body).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String enrolment = Api.refer(org, person(org), measure).then().statusCode(201).extract().path("id");
        assertThat(placesHeld(first)).isEqualTo(1);

        // the measure moves to another programme while the place is held
        long version = Api.json().get("/api/v1/measures/" + measure).then().extract().<Integer>path("version");
        body.put("programmeId", second);
        Api.json().header("If-Match", "\"" + version + "\"").body(body).put("/api/v1/measures/" + measure).then().statusCode(200);
        assertThat(placesHeld(first)).isEqualTo(1);
        assertThat(placesHeld(second)).isZero();

        cancel(org, enrolment);
        assertThat(placesHeld(first)).as("freed where it was counted").isZero();
        assertThat(placesHeld(second)).as("never counted here, never freed here").isZero();

        // a new referral now counts in the measure's new programme
        Api.refer(org, person(org), measure).then().statusCode(201).body("programmeId", equalTo(second));
        assertThat(placesHeld(second)).isEqualTo(1);
        assertThat(placesHeld(first)).isZero();
    }

    @Test
    void raisingAMeasuresCapacityPromotesTheWaitlistInOrder() {
        String org = Api.createOrganisation();
        Map<String, Object> body = measureBody(org, null, 1);
        String measure = Api.json().body(body).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Api.refer(org, person(org), measure).then().statusCode(201).body("status", equalTo("REFERRED"));
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(Api.refer(org, person(org), measure).then().statusCode(201).body("status", equalTo("WAITLISTED"))
                    .extract().path("id"));
        }
        long version = Api.json().get("/api/v1/measures/" + measure).then().extract().<Integer>path("version");
        body.put("capacity", 3);
        Api.json().header("If-Match", "\"" + version + "\"").body(body).put("/api/v1/measures/" + measure).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(status(org, waiting.get(0))).isEqualTo("REFERRED");
            assertThat(status(org, waiting.get(1))).isEqualTo("REFERRED");
        });
        assertThat(status(org, waiting.get(2))).isEqualTo("WAITLISTED");
        // a newcomer does not jump the queue
        Api.refer(org, person(org), measure).then().statusCode(201).body("status", equalTo("WAITLISTED"));
        assertThat(status(org, waiting.get(2))).isEqualTo("WAITLISTED");
        Api.json().get("/api/v1/measures/" + measure).then().body("seatsHeld", equalTo(3), "seatsLeft", equalTo(0));
    }

    @Test
    void raisingAProgrammesCapacityPromotesThoseWaitingForAProgrammePlace() {
        String org = Api.createOrganisation();
        Map<String, Object> programmeBody = Api.programme(Api.unique("PLC"), org);
        programmeBody.put("capacity", 1);
        String programme = Api.json().body(programmeBody).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String measure = Api.json().body(measureBody(org, programme, 10)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
        Api.refer(org, person(org), measure).then().statusCode(201).body("status", equalTo("REFERRED"));
        String waiting = Api.refer(org, person(org), measure).then().statusCode(201).body("status", equalTo("WAITLISTED"))
                .extract().path("id");
        programmeBody.put("capacity", 2);
        long version = Api.json().get("/api/v1/programmes/" + programme).then().extract().<Integer>path("version");
        Api.json().header("If-Match", "\"" + version + "\"").body(programmeBody).put("/api/v1/programmes/" + programme).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(org, waiting).equals("REFERRED"));
        assertThat(placesHeld(programme)).isEqualTo(2);
    }

    @Test
    void aDeclineHoldsWhileOthersAreReferredAndLapsesWhenTheOfferChanges() {
        String org = Api.createOrganisation();
        Map<String, Object> body = measureBody(org, null, 10);
        String measure = Api.json().body(body).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String person = person(org);
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "e", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z", "recommendations", List.of(Map.of("rank", 1, "measureId", measure,
                        "measureCode", "REC-1", "score", 0.5, "reasons", List.of(Map.of("code", "NEED_MATCH",
                                "params", Map.of("need", "DIGITAL_SKILLS"), "text", "Covers DIGITAL_SKILLS."))))))
                .put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
        Api.caseworker(org).body(Map.of("measureId", measure, "decision", "DECLINE", "reasonCode", "TOO_FAR"))
                .post("/api/v1/persons/" + person + "/decisions").then().statusCode(201);
        Api.matcher().get("/api/v1/matching/persons/" + person).then().body("excludedMeasureIds", hasItem(measure));

        // someone else's referral moves the seat counters (and the measure's version): the decline holds
        Api.refer(org, person(org), measure).then().statusCode(201);
        Api.matcher().get("/api/v1/matching/persons/" + person).then().body("excludedMeasureIds", hasItem(measure));
        // so does a new title or a raised capacity
        long version = Api.json().get("/api/v1/measures/" + measure).then().extract().<Integer>path("version");
        body.put("title", "Renamed course");
        body.put("capacity", 12);
        Api.json().header("If-Match", "\"" + version + "\"").body(body).put("/api/v1/measures/" + measure).then().statusCode(200);
        Api.matcher().get("/api/v1/matching/persons/" + person).then().body("excludedMeasureIds", hasItem(measure));

        // a change to what is offered (here: where) lifts it
        version = Api.json().get("/api/v1/measures/" + measure).then().extract().<Integer>path("version");
        body.put("regions", List.of("RIGA", "PIERIGA"));
        Api.json().header("If-Match", "\"" + version + "\"").body(body).put("/api/v1/measures/" + measure).then().statusCode(200);
        Api.matcher().get("/api/v1/matching/persons/" + person).then().body("excludedMeasureIds", not(hasItem(measure)));
    }
}
