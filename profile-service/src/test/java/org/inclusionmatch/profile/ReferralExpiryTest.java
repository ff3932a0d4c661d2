package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.enrolment.ReferralExpiry;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 21, part 4: referrals have an answer-by date; unanswered, they expire, free the place and move the waitlist;
 * the provider's inbox leads with the overdue; declines carry a reason from a code list. The test profile runs the
 * expiry job every second; tests that must see a referral overdue first pause it.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReferralExpiryTest {

    @Inject
    Scheduler scheduler;

    @Inject
    EnrolmentService enrolments;

    @AfterEach
    void resumeTheJob() {
        scheduler.resume(ReferralExpiry.JOB);
    }

    private static String measure(String provider, int capacity, Integer answerDays) {
        Map<String, Object> m = Api.measure(Api.unique("EXP"), provider);
        m.put("capacity", capacity);
        m.put("seatsTaken", 0);
        if (answerDays != null) {
            m.put("answerDays", answerDays);
        }
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    private static String person(String org) {
        return Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static Response refer(String org, String person, String measure, Instant answerBy) {
        return Api.caseworker(org).body(Map.of("personId", person, "measureId", measure, "answerBy", answerBy.toString()))
                .post("/api/v1/enrolments");
    }

    private static Response move(String org, String enrolment, Map<String, Object> body) {
        return Api.caseworker(org).body(body).post("/api/v1/enrolments/" + enrolment + "/status");
    }

    /** The overdue gauge of one provider, or null while it has no series. */
    private static Double overdueMetric(String provider) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^inclusion_referrals_overdue\\{provider_id=\"" + provider + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    @Test
    void aSecondReferralExpiresUnansweredAndTheWaitlistMoves() {
        String provider = Api.createOrganisation();
        String referrer = Api.createOrganisation();
        String oneSeat = measure(provider, 1, 3);
        String roomy = measure(provider, 10, null);
        Api.json().get("/api/v1/measures/" + oneSeat).then().body("answerDays", equalTo(3));
        Api.json().get("/api/v1/measures/" + roomy).then().body("answerDays", equalTo(10)); // the default

        scheduler.pause(ReferralExpiry.JOB);
        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String a = refer(referrer, person(referrer), oneSeat, soon).then().statusCode(201)
                .body("status", equalTo("REFERRED"), "overdue", equalTo(false)).extract().path("id");
        String b = Api.refer(referrer, person(referrer), oneSeat).then().statusCode(201)
                .body("status", equalTo("WAITLISTED"), "answerBy", nullValue(), "overdue", nullValue()).extract().path("id");
        String later = Api.refer(referrer, person(referrer), roomy).then().statusCode(201).body("status", equalTo("REFERRED"))
                .extract().path("id");
        Instant laterBy = Instant.parse(Api.caseworker(referrer).get("/api/v1/enrolments/" + later).path("answerBy"));
        assertThat(Duration.between(Instant.now(), laterBy).toHours()).isBetween(239L, 240L);

        // Overdue, with the job paused: first in the provider's inbox, counted by the metric, still REFERRED.
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
                Api.caseworker(provider).get("/api/v1/enrolments/" + a).path("overdue")));
        Api.caseworker(provider).queryParam("providerId", provider).queryParam("status", "REFERRED").queryParam("sort", "ANSWER_BY")
                .get("/api/v1/enrolments").then().statusCode(200)
                .body("items.id", contains(a, later), "items.overdue", contains(true, false), "total", equalTo(2));
        Api.caseworker(provider).queryParam("providerId", provider).queryParam("overdue", true).get("/api/v1/enrolments")
                .then().statusCode(200).body("items.id", contains(a));
        await().atMost(Duration.ofSeconds(10)).until(() -> Double.valueOf(1.0).equals(overdueMetric(provider)));

        scheduler.resume(ReferralExpiry.JOB);
        await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(
                Api.caseworker(referrer).get("/api/v1/enrolments/" + a).path("status")));
        Response expired = Api.caseworker(referrer).get("/api/v1/enrolments/" + a);
        expired.then().body("overdue", nullValue(), "allowedTransitions.size()", equalTo(0), "reason", nullValue());
        assertThat(Instant.parse(expired.path("answerBy"))).isEqualTo(soon);

        // The place went to B, whose answer time (the measure's 3 days) starts now.
        Response promoted = Api.caseworker(referrer).get("/api/v1/enrolments/" + b);
        promoted.then().body("status", equalTo("REFERRED"), "waitlistPosition", nullValue(), "overdue", equalTo(false));
        assertThat(Instant.parse(promoted.path("answerBy")).getEpochSecond())
                .isCloseTo(Instant.now().plus(Duration.ofDays(3)).getEpochSecond(), within(60L));
        Api.json().get("/api/v1/measures/" + oneSeat).then().body("seatsHeld", equalTo(1), "seatsLeft", equalTo(0),
                "releasedLast90Days", equalTo(1));

        // The provider's answer after the expiry is refused; nothing changes.
        move(provider, a, Map.of("status", "ACCEPTED")).then().statusCode(409)
                .body("detail", containsString("cannot go from EXPIRED to ACCEPTED"));
        // The system's status is not a caller's move.
        move(provider, later, Map.of("status", "EXPIRED")).then().statusCode(409);

        // The referrer's organisation is told, by the enrolment's status event (ids only), as is B's.
        try (TopicReader topic = new TopicReader("inclusion.topics.enrolments")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsAbout(a, Duration.ofMillis(200)).size() >= 2
                    && topic.eventsAbout(b, Duration.ZERO).size() >= 2);
            List<JsonNode> aboutA = topic.eventsAbout(a, Duration.ZERO);
            assertThat(aboutA).extracting(e -> e.get("type").asText())
                    .containsExactly("ENROLMENT_CREATED", "ENROLMENT_STATUS_CHANGED");
            JsonNode expiredEvent = aboutA.get(1);
            assertThat(expiredEvent.get("organisationId").asText()).isEqualTo(referrer);
            assertThat(expiredEvent.get("aggregateVersion").asLong()).isEqualTo(((Number) expired.path("version")).longValue());
            assertThat(topic.eventsAbout(b, Duration.ZERO)).extracting(e -> e.get("type").asText())
                    .containsExactly("ENROLMENT_CREATED", "ENROLMENT_STATUS_CHANGED");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Double.valueOf(0.0).equals(overdueMetric(provider)));
        System.out.println("EXPIRY: A expired unanswered, B promoted with its own answer-by date, metric 1 -> 0");
    }

    @Test
    void aDeclineNeedsAReasonOfTheListAndOtherANoteAndBadOnesChangeNothing() {
        String provider = Api.createOrganisation();
        String referrer = Api.createOrganisation();
        String enrolment = Api.refer(referrer, person(referrer), measure(provider, 5, null)).then().statusCode(201)
                .extract().path("id");
        long version = ((Number) Api.caseworker(referrer).get("/api/v1/enrolments/" + enrolment).path("version")).longValue();

        move(provider, enrolment, Map.of("status", "REJECTED")).then().statusCode(400).body("violations[0].field", equalTo("reason"));
        move(provider, enrolment, Map.of("status", "REJECTED", "reason", "CHANGED_MIND")).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"), "detail", containsString("PERSON_UNREACHABLE"));
        move(provider, enrolment, Map.of("status", "REJECTED", "reason", "not a code")).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        move(provider, enrolment, Map.of("status", "REJECTED", "reason", "OTHER")).then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        move(provider, enrolment, Map.of("status", "REJECTED", "reason", "OTHER", "note", "x".repeat(501))).then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        move(provider, enrolment, Map.of("status", "ACCEPTED", "note", "a note without a reason")).then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        Api.caseworker(referrer).get("/api/v1/enrolments/" + enrolment).then()
                .body("status", equalTo("REFERRED"), "version", equalTo((int) version), "reason", nullValue());

        move(provider, enrolment, Map.of("status", "REJECTED", "reason", "OTHER", "note", "Needs B1 Latvian first"))
                .then().statusCode(200);
        Api.caseworker(referrer).get("/api/v1/enrolments/" + enrolment).then().statusCode(200).body("status", equalTo("REJECTED"),
                "reason", equalTo("OTHER"), "note", equalTo("Needs B1 Latvian first"), "answerBy", nullValue());

        // The list and its labels, in both languages; closed.
        Api.json().header("Accept-Language", "lv").get("/api/v1/vocabulary/referralDeclineReasons").then().statusCode(200)
                .body("open", equalTo(false), "codes.code", contains("NO_CAPACITY", "NOT_ELIGIBLE", "PERSON_DECLINED",
                                "PERSON_UNREACHABLE", "SAFETY", "OTHER"),
                        "codes.find { it.code == 'PERSON_DECLINED' }.labels.lv", equalTo("Persona atteicās"),
                        "codes.find { it.code == 'PERSON_DECLINED' }.labels.en", equalTo("The person declined"));
        Api.json().header("Accept-Language", "en").get("/api/v1/vocabulary/enrolmentStatuses").then()
                .body("codes.find { it.code == 'EXPIRED' }.label", equalTo("Expired unanswered"));
    }

    @Test
    void anAnswerByDateInThePastOrTooFarAheadOrABadAnswerTimeIsA400NamingItAndNothingIsCreated() {
        String provider = Api.createOrganisation();
        String referrer = Api.createOrganisation();
        String measure = measure(provider, 5, null);
        String person = person(referrer);
        refer(referrer, person, measure, Instant.now().minusSeconds(60)).then().statusCode(400)
                .body("violations[0].field", equalTo("answerBy"), "detail", containsString("in the past"));
        refer(referrer, person, measure, Instant.now().plus(Duration.ofDays(91))).then().statusCode(400)
                .body("violations[0].field", equalTo("answerBy"));
        Api.caseworker(referrer).queryParam("personId", person).get("/api/v1/enrolments").then().body("total", equalTo(0));
        Instant chosen = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        refer(referrer, person, measure, chosen).then().statusCode(201).body("answerBy", equalTo(chosen.toString()));

        Map<String, Object> m = Api.measure(Api.unique("EXP"), provider);
        for (int bad : new int[]{0, 91}) {
            m.put("answerDays", bad);
            Api.json().body(m).post("/api/v1/measures").then().statusCode(400).body("violations[0].field", equalTo("answerDays"));
        }
        // Left out on an update, the answer time stays.
        m.put("answerDays", 7);
        String id = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).body("answerDays", equalTo(7))
                .extract().path("id");
        m.remove("answerDays");
        m.put("title", "Renamed");
        Api.json().header("If-Match", "*").body(m).put("/api/v1/measures/" + id).then().statusCode(200).body("answerDays", equalTo(7));
    }

    @Test
    void aNotEligibleDeclineKeepsTheMeasureOutUntilTheProfileChangesWhileNoCapacityLetsItBackAtOnce() {
        String provider = Api.createOrganisation();
        String referrer = Api.createOrganisation();
        String notEligible = measure(provider, 5, null);
        String noCapacity = measure(provider, 5, null);
        String safety = measure(provider, 5, null);
        Map<String, Object> profile = Api.person(referrer);
        String person = Api.caseworker(referrer).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        for (String[] decline : new String[][]{{notEligible, "NOT_ELIGIBLE"}, {noCapacity, "NO_CAPACITY"}, {safety, "SAFETY"}}) {
            String enrolment = Api.refer(referrer, person, decline[0]).then().statusCode(201).extract().path("id");
            move(provider, enrolment, Map.of("status", "REJECTED", "reason", decline[1])).then().statusCode(200);
            Api.caseworker(referrer).get("/api/v1/enrolments/" + enrolment).then().body("reason", equalTo(decline[1]));
        }
        Api.matcher().get("/api/v1/matching/persons/" + person).then().statusCode(200)
                .body("excludedMeasureIds", hasItem(notEligible), "excludedMeasureIds", hasItem(safety),
                        "excludedMeasureIds", not(hasItem(noCapacity)));

        profile.put("needs", List.of("DIGITAL_SKILLS", "LANGUAGE"));
        Api.caseworker(referrer).header("If-Match", "*").body(profile).put("/api/v1/persons/" + person).then().statusCode(200);
        Api.matcher().get("/api/v1/matching/persons/" + person).then().statusCode(200)
                .body("excludedMeasureIds", not(hasItem(notEligible)), "excludedMeasureIds", hasItem(safety),
                        "excludedMeasureIds", not(hasItem(noCapacity)));
        // The NO_CAPACITY decline re-matched the person at once (their profile unchanged then: version 0).
        try (TopicReader topic = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.eventsAbout(person, Duration.ofMillis(200)).stream()
                    .filter(e -> e.get("type").asText().equals("PERSON_MATCHING_INPUTS_CHANGED")).count() >= 4);
            assertThat(topic.eventsAbout(person, Duration.ZERO)).extracting(e -> e.get("type").asText())
                    .containsExactly("PERSON_CREATED", "PERSON_MATCHING_INPUTS_CHANGED", "PERSON_MATCHING_INPUTS_CHANGED",
                            "PERSON_MATCHING_INPUTS_CHANGED", "PERSON_MATCHING_INPUTS_CHANGED", "PERSON_UPDATED");
        }
    }

    /**
     * The provider accepts just as the referral expires, 20 times: each ends in exactly one outcome (ACCEPTED and a
     * skipped expiry, or EXPIRED and a 409), never a 500, and the places add up. Then expiry racing erasure.
     */
    @Test
    void anExpiryRacingAnAcceptOrAnErasureEndsInOneOutcomeAndNeverAServerError() throws Exception {
        String provider = Api.createOrganisation();
        String referrer = Api.createOrganisation();
        String measure = measure(provider, 100, null);
        scheduler.pause(ReferralExpiry.JOB);
        List<String> persons = IntStream.range(0, 30).mapToObj(i -> person(referrer)).toList();
        // All due at one moment a little ahead (the test profile's shortest answer time is 1 s), referred side by side.
        Instant due = Instant.now().plusSeconds(8);
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, Integer> outcomes = new HashMap<>();
        try {
            List<Future<String>> referred = new ArrayList<>();
            for (String p : persons) {
                referred.add(pool.submit(() -> refer(referrer, p, measure, due).then().statusCode(201).extract().<String>path("id")));
            }
            for (Future<String> id : referred) {
                ids.add(id.get());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(due.plusMillis(100)));
            for (int i = 0; i < 20; i++) {
                String id = ids.get(i);
                // The job's call runs in this JVM, the provider's over HTTP: staggered by 0-95 ms so either may come first.
                long stagger = i * 5L;
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> accept = pool.submit(() -> {
                    together.await();
                    return move(provider, id, Map.of("status", "ACCEPTED"));
                });
                Future<Boolean> expire = pool.submit(() -> {
                    together.await();
                    Thread.sleep(stagger);
                    return enrolments.expire(UUID.fromString(id), Instant.now());
                });
                Response accepted = accept.get();
                boolean expired = expire.get();
                assertThat(accepted.statusCode()).as(accepted.asString()).isIn(200, 409);
                String status = Api.caseworker(referrer).get("/api/v1/enrolments/" + id).path("status");
                if (accepted.statusCode() == 200) {
                    assertThat(expired).isFalse();
                    assertThat(status).isEqualTo("ACCEPTED");
                } else {
                    assertThat(expired).isTrue();
                    assertThat(status).isEqualTo("EXPIRED");
                    accepted.then().body("type", endsWith("illegal-transition"));
                }
                outcomes.merge(status, 1, Integer::sum);
            }
            // The rest: expiry racing the person's erasure (which cancels, then deletes, the enrolment).
            for (int i = 20; i < 30; i++) {
                String id = ids.get(i);
                String p = persons.get(i);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> erase = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(referrer).header("If-Match", "*").delete("/api/v1/persons/" + p);
                });
                Future<Boolean> expire = pool.submit(() -> {
                    together.await();
                    return enrolments.expire(UUID.fromString(id), Instant.now());
                });
                assertThat(erase.get().statusCode()).as(erase.get().asString()).isEqualTo(204);
                expire.get(); // either, but no exception
                Api.caseworker(referrer).get("/api/v1/enrolments/" + id).then().statusCode(404);
            }
        } finally {
            pool.shutdownNow();
        }
        int accepted = outcomes.getOrDefault("ACCEPTED", 0);
        assertThat(accepted + outcomes.getOrDefault("EXPIRED", 0)).isEqualTo(20);
        Api.json().get("/api/v1/measures/" + measure).then().body("seatsHeld", equalTo(accepted));
        System.out.printf("EXPIRY: 20 races of ACCEPT and expiry: %s; 10 of expiry and erasure: no error%n", outcomes);
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }
}
