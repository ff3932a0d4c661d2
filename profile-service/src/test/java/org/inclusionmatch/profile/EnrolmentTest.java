package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The enrolment state machine, places that hold under concurrency, and the waitlist. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class EnrolmentTest {

    static final List<String> STATUSES = List.of("WAITLISTED", "REFERRED", "ACCEPTED", "REJECTED", "ENROLLED", "COMPLETED",
            "DROPPED", "CANCELLED");
    /**
     * Reached only by the system (an unanswered referral past its answer-by date): never a caller's move, from any
     * status; moves from it are ReferralExpiryTest's.
     */
    static final String EXPIRED = "EXPIRED";
    /** Written out here rather than read from the code, so that a changed rule fails this test. */
    static final Map<String, Set<String>> LEGAL = Map.of(
            "WAITLISTED", Set.of("CANCELLED"),
            "REFERRED", Set.of("ACCEPTED", "REJECTED", "CANCELLED"),
            "ACCEPTED", Set.of("ENROLLED", "CANCELLED"),
            "ENROLLED", Set.of("COMPLETED", "DROPPED", "CANCELLED"),
            "REJECTED", Set.of(), "COMPLETED", Set.of(), "DROPPED", Set.of(), "CANCELLED", Set.of(), "EXPIRED", Set.of());
    /** How to reach each status from a fresh referral. */
    static final Map<String, List<String>> PATH = Map.of(
            "REFERRED", List.of(),
            "ACCEPTED", List.of("ACCEPTED"),
            "REJECTED", List.of("REJECTED"),
            "ENROLLED", List.of("ACCEPTED", "ENROLLED"),
            "COMPLETED", List.of("ACCEPTED", "ENROLLED", "COMPLETED"),
            "DROPPED", List.of("ACCEPTED", "ENROLLED", "DROPPED"),
            "CANCELLED", List.of("CANCELLED"));

    private static String measure(String provider, int capacity, int taken) {
        Map<String, Object> m = Api.measure(Api.unique("ENR"), provider);
        m.put("capacity", capacity);
        m.put("seatsTaken", taken);
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    private static String person(String org) {
        return Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static Response move(String org, String enrolment, String status) {
        Map<String, Object> body = status.equals("REJECTED") || status.equals("DROPPED") || status.equals("CANCELLED")
                ? Map.of("status", status, "reason", "NOT_ELIGIBLE") : Map.of("status", status);
        return Api.caseworker(org).body(body).post("/api/v1/enrolments/" + enrolment + "/status");
    }

    @Test
    void everyLegalTransitionWorksAndEveryIllegalOneIsA409NamingTheAllowedOnes() throws Exception {
        String org = Api.createOrganisation();
        String open = measure(org, 1000, 0);
        String full = measure(org, 1, 1);
        // each pair on an enrolment of its own, so the 72 run side by side (one after another they took 15 s)
        List<Future<Boolean>> pairs = new ArrayList<>();
        List<String> targets = new ArrayList<>(STATUSES);
        targets.add(EXPIRED);
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            for (String from : STATUSES) {
                for (String to : targets) {
                    pairs.add(clients.submit(() -> transition(org, open, full, from, to)));
                }
            }
            int legal = 0;
            int illegal = 0;
            for (Future<Boolean> pair : pairs) {
                if (pair.get()) {
                    legal++;
                } else {
                    illegal++;
                }
            }
            assertThat(legal).isEqualTo(9);
            assertThat(illegal).isEqualTo(63);
            System.out.printf("ENROLMENT: %d legal and %d illegal transitions checked%n", legal, illegal);
        }
    }

    /** Brings a fresh enrolment to {@code from}, tries {@code to}, checks the answer; true when it was legal. */
    private static boolean transition(String org, String open, String full, String from, String to) {
        String enrolment;
        if (from.equals("WAITLISTED")) {
            enrolment = Api.refer(org, person(org), full).then().statusCode(201).body("status", equalTo("WAITLISTED"))
                    .extract().path("id");
        } else {
            enrolment = Api.refer(org, person(org), open).then().statusCode(201).body("status", equalTo("REFERRED"))
                    .extract().path("id");
            for (String step : PATH.get(from)) {
                move(org, enrolment, step).then().statusCode(200).body("status", equalTo(step));
            }
        }
        if (LEGAL.get(from).contains(to)) {
            move(org, enrolment, to).then().statusCode(200).body("status", equalTo(to));
            return true;
        }
        move(org, enrolment, to).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot go from " + from + " to " + to));
        return false;
    }

    /**
     * A status move while the person is erased (which deletes the enrolment): never a 500. Before, the move locked the
     * measure and then re-read an enrolment the erasure could delete in between (the fuzz test's 4 threads met it);
     * now it locks the person first, as referrals and the erasure do, so it either sees the person gone (404) or the
     * erasure waits for it.
     */
    @Test
    void aStatusMoveWhileThePersonIsErasedIsNeverAServerError() throws Exception {
        String org = Api.createOrganisation();
        String measure = measure(org, 100, 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String person = person(org);
                String enrolment = Api.refer(org, person, measure).then().statusCode(201).extract().path("id");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> moved = pool.submit(() -> {
                    together.await();
                    return move(org, enrolment, "ACCEPTED");
                });
                Future<Response> erased = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(org).header("If-Match", "*").delete("/api/v1/persons/" + person);
                });
                assertThat(moved.get().statusCode()).as(moved.get().asString()).isIn(200, 404);
                assertThat(erased.get().statusCode()).as(erased.get().asString()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReasonIsRequiredToRejectDropOrCancel() {
        String org = Api.createOrganisation();
        String enrolment = Api.refer(org, person(org), measure(org, 10, 0)).then().extract().path("id");
        Api.caseworker(org).body(Map.of("status", "REJECTED")).post("/api/v1/enrolments/" + enrolment + "/status")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        // a decline's reason is one of referralDeclineReasons; an open enrolment reason is not enough
        Api.caseworker(org).body(Map.of("status", "REJECTED", "reason", "FOUND_WORK")).post("/api/v1/enrolments/" + enrolment + "/status")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        Api.caseworker(org).body(Map.of("status", "REJECTED", "reason", "NO_CAPACITY")).post("/api/v1/enrolments/" + enrolment + "/status")
                .then().statusCode(200).body("reason", equalTo("NO_CAPACITY"), "allowedTransitions.size()", equalTo(0));
    }

    @Test
    void fiftyConcurrentReferralsIntoTenFreePlacesGiveTenPlacesAndFortyInOrder() throws Exception {
        String org = Api.createOrganisation();
        String measure = measure(org, 12, 2);
        List<String> persons = IntStream.range(0, 50).mapToObj(i -> person(org)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (String p : persons) {
            calls.add(pool.submit(() -> {
                start.await();
                return Api.refer(org, p, measure);
            }));
        }
        start.countDown();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Future<Response> call : calls) {
            Response response = call.get();
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            results.add(response.as(Map.class));
        }
        pool.shutdown();

        assertThat(results).filteredOn(r -> r.get("status").equals("REFERRED")).hasSize(10);
        List<Map<String, Object>> waiting = Api.caseworker(org).queryParam("measureId", measure).queryParam("status", "WAITLISTED")
                .queryParam("size", 100).get("/api/v1/enrolments").then().statusCode(200).extract().path("items");
        assertThat(waiting).hasSize(40);
        assertThat(waiting).extracting(w -> w.get("waitlistPosition")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 40).boxed().toList());
        Api.json().get("/api/v1/measures/" + measure).then().body("seatsHeld", equalTo(10), "seatsLeft", equalTo(0));
        System.out.println("ENROLMENT: 50 concurrent referrals into 10 free places: 10 REFERRED, 40 WAITLISTED at positions 1..40");

        // A freed place goes to the first on the waitlist, and everyone behind moves up one.
        waiting.sort(Comparator.comparingInt(w -> (Integer) w.get("waitlistPosition")));
        String holder = (String) results.stream().filter(r -> r.get("status").equals("REFERRED")).findFirst().orElseThrow().get("id");
        move(org, holder, "CANCELLED").then().statusCode(200);
        Api.caseworker(org).get("/api/v1/enrolments/" + waiting.get(0).get("id")).then()
                .body("status", equalTo("REFERRED"), "waitlistPosition", equalTo(null));
        Api.caseworker(org).get("/api/v1/enrolments/" + waiting.get(1).get("id")).then().body("waitlistPosition", equalTo(1));
        Api.caseworker(org).get("/api/v1/enrolments/" + waiting.get(39).get("id")).then().body("waitlistPosition", equalTo(39));
    }

    @Test
    void aProgrammesPlacesAreNeverOverbookedEither() {
        String org = Api.createOrganisation();
        Map<String, Object> programme = Api.programme(Api.unique("PRG"), org);
        programme.put("capacity", 2);
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> m = Api.measure(Api.unique("PM"), org);
        m.put("programmeId", programmeId);
        m.put("capacity", 10);
        m.put("seatsTaken", 0);
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        String first = person(org);
        Api.refer(org, first, measure).then().body("status", equalTo("REFERRED"));
        Api.refer(org, person(org), measure).then().body("status", equalTo("REFERRED"));
        String third = Api.refer(org, person(org), measure).then().body("status", equalTo("WAITLISTED")).extract().path("id");
        Api.refer(org, first, measure).then().statusCode(409); // one open enrolment per person and measure
    }

    @Test
    void erasingAPersonGivesTheirPlaceToTheWaitlist() {
        String org = Api.createOrganisation();
        String measure = measure(org, 1, 0);
        String holder = person(org);
        Api.refer(org, holder, measure).then().body("status", equalTo("REFERRED"));
        String waiting = Api.refer(org, person(org), measure).then().body("status", equalTo("WAITLISTED")).extract().path("id");

        Api.caseworker(org).header("If-Match", "*").delete("/api/v1/persons/" + holder).then().statusCode(204);

        Api.caseworker(org).get("/api/v1/enrolments/" + waiting).then().body("status", equalTo("REFERRED"));
        Api.json().get("/api/v1/measures/" + measure).then().body("seatsHeld", equalTo(1), "seatsLeft", equalTo(0));
    }

    @Test
    void everyChangePublishesAnEventOnTheEnrolmentsTopic() {
        String org = Api.createOrganisation();
        String enrolment = Api.refer(org, person(org), measure(org, 10, 0)).then().statusCode(201).extract().path("id");
        move(org, enrolment, "ACCEPTED").then().statusCode(200);
        move(org, enrolment, "ENROLLED").then().statusCode(200);
        try (TopicReader topic = new TopicReader("inclusion.topics.enrolments")) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> topic.eventsAbout(enrolment, Duration.ofMillis(200)).size() >= 3);
            assertThat(topic.eventsAbout(enrolment, Duration.ZERO)).extracting(e -> e.get("type").asText())
                    .containsExactly("ENROLMENT_CREATED", "ENROLMENT_STATUS_CHANGED", "ENROLMENT_STATUS_CHANGED");
        }
    }

    @Test
    void anotherOrganisationCannotSeeOrMoveAnEnrolment() {
        String org = Api.createOrganisation();
        String enrolment = Api.refer(org, person(org), measure(org, 10, 0)).then().extract().path("id");
        String stranger = Api.createOrganisation();
        Api.caseworker(stranger).get("/api/v1/enrolments/" + enrolment).then().statusCode(404);
        move(stranger, enrolment, "CANCELLED").then().statusCode(404);
        Api.refer(stranger, person(org), measure(org, 10, 0)).then().statusCode(404);
    }
}
