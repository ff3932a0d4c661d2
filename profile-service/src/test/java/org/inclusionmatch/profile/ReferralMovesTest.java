package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may make each move of a referral, tried through HTTP for every status x target x side x role: the referrer
 * (the person's organisation), the provider (the measure's organisation), an organisation that is both (a referral
 * to its own measure) and one that is neither, each with every role. The expected rule is written out here rather
 * than read from {@code EnrolmentMoves}, so a loosened table fails this test.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReferralMovesTest {

    static final List<String> STATUSES = List.of("WAITLISTED", "REFERRED", "ACCEPTED", "REJECTED", "ENROLLED", "COMPLETED",
            "DROPPED", "CANCELLED", "EXPIRED");
    static final List<String> ROLES = List.of("ADMIN", "CASEWORKER", "PARTNER", "AUDITOR", "MATCHER");
    static final List<String> MOVING_ROLES = List.of("ADMIN", "CASEWORKER");

    /** The side that makes each legal move by hand; anything missing is illegal (the system's promotion and expiry included). */
    static final Map<String, Map<String, String>> WHO = Map.of(
            "WAITLISTED", Map.of("CANCELLED", "REFERRER"),
            "REFERRED", Map.of("ACCEPTED", "PROVIDER", "REJECTED", "PROVIDER", "CANCELLED", "REFERRER"),
            "ACCEPTED", Map.of("ENROLLED", "PROVIDER", "CANCELLED", "REFERRER"),
            "ENROLLED", Map.of("COMPLETED", "PROVIDER", "DROPPED", "PROVIDER", "CANCELLED", "REFERRER"));

    /** Two organisations meeting at a referral, one that refers to its own measure, and a stranger. */
    record Scene(String referrer, String provider, String both, String stranger,
                 String providersMeasure, String providersFullMeasure, String ownMeasure, String ownFullMeasure) {

        static Scene create() {
            String referrer = Api.createOrganisation();
            String provider = Api.createOrganisation();
            String both = Api.createOrganisation();
            return new Scene(referrer, provider, both, Api.createOrganisation(),
                    measure(provider, 1000, 0), measure(provider, 1, 1), measure(both, 1000, 0), measure(both, 1, 1));
        }

        /** The organisation whose case worker makes a move of {@code side} on a referral between the two, or by {@code both}. */
        String orgOf(String side, boolean own) {
            return own ? both : side.equals("PROVIDER") ? provider : referrer;
        }
    }

    /** A caller: which side of the referral its organisation is on, and its role. */
    record Caller(String side, String role) {

        String organisation(Scene scene) {
            return switch (side) {
                case "REFERRER" -> scene.referrer();
                case "PROVIDER" -> scene.provider();
                case "BOTH" -> scene.both();
                default -> scene.stranger();
            };
        }

        boolean own() {
            return side.equals("BOTH");
        }
    }

    private static String measure(String provider, int capacity, int taken) {
        Map<String, Object> m = Api.measure(Api.unique("MOVE"), provider);
        m.put("capacity", capacity);
        m.put("seatsTaken", taken);
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
    }

    private static Response move(String role, String org, String enrolment, String status) {
        Map<String, Object> body = status.equals("REJECTED") || status.equals("DROPPED") || status.equals("CANCELLED")
                ? Map.of("status", status, "reason", "NOT_ELIGIBLE") : Map.of("status", status);
        return Api.as(List.of(role), org).body(body).post("/api/v1/enrolments/" + enrolment + "/status");
    }

    /** A new referral brought to {@code status}, between the two organisations or within {@code both} ({@code own}). */
    private static String enrolmentIn(Scene scene, String status, boolean own) {
        String referrer = own ? scene.both() : scene.referrer();
        String person = Api.caseworker(referrer).body(Api.person(referrer)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        boolean waiting = status.equals("WAITLISTED");
        String measure = own ? (waiting ? scene.ownFullMeasure() : scene.ownMeasure())
                : (waiting ? scene.providersFullMeasure() : scene.providersMeasure());
        if (status.equals("EXPIRED")) { // the system's move: an answer-by date that passes unanswered
            String expiring = Api.caseworker(referrer).body(Map.of("personId", person, "measureId", measure,
                    "answerBy", Instant.now().plusSeconds(2).toString())).post("/api/v1/enrolments").then().statusCode(201)
                    .extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "EXPIRED".equals(Api.caseworker(referrer).get("/api/v1/enrolments/" + expiring).path("status")));
            return expiring;
        }
        String enrolment = Api.refer(referrer, person, measure).then().statusCode(201).extract().path("id");
        if (!waiting) {
            String at = "REFERRED";
            for (String step : EnrolmentTest.PATH.get(status)) { // each step by the side that makes it
                String side = WHO.get(at).get(step);
                move("CASEWORKER", scene.orgOf(side, own), enrolment, step).then().statusCode(200);
                at = step;
            }
        }
        Api.caseworker(referrer).get("/api/v1/enrolments/" + enrolment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status));
        return enrolment;
    }

    /** What the rule says a caller gets for {@code from -> to}: the status and, for a refusal, the problem type's slug. */
    static String expected(String from, String to, Caller caller) {
        if (!MOVING_ROLES.contains(caller.role())) {
            return "403 forbidden";
        }
        if (caller.side().equals("STRANGER")) {
            return "404 not-found";
        }
        String side = WHO.getOrDefault(from, Map.of()).get(to);
        if (side == null) {
            return "409 illegal-transition";
        }
        return caller.own() || caller.side().equals(side) ? "200" : "403 other-sides-move";
    }

    private static String answer(Response response) {
        if (response.statusCode() < 400) {
            return String.valueOf(response.statusCode());
        }
        String type = response.path("type");
        return response.statusCode() + " " + (type == null ? "?" : type.substring(type.lastIndexOf('/') + 1));
    }

    @Test
    void everyStatusTargetSideAndRoleGetsWhatTheRuleSays() throws Exception {
        Scene scene = Scene.create();
        List<Caller> callers = new ArrayList<>();
        for (String side : List.of("REFERRER", "PROVIDER", "BOTH", "STRANGER")) {
            for (String role : ROLES) {
                callers.add(new Caller(side, role));
            }
        }
        List<Future<List<String>>> work = new ArrayList<>();
        int[] counts = new int[2];
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            for (String from : STATUSES) {
                work.add(clients.submit(() -> refusals(scene, from, callers)));
                for (Caller caller : callers) {
                    for (String to : STATUSES) {
                        if (expected(from, to, caller).equals("200")) {
                            work.add(clients.submit(() -> allowed(scene, from, to, caller)));
                        }
                    }
                }
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> result : work) {
                List<String> lines = result.get();
                for (String line : lines) {
                    if (line.startsWith("WRONG ")) {
                        wrong.add(line);
                    } else if (line.startsWith("200")) {
                        counts[0]++;
                    } else {
                        counts[1]++;
                    }
                }
            }
            assertThat(wrong).as("moves whose answer differs from the rule").isEmpty();
        }
        // 9 legal moves: each by its side's 2 moving roles and by the own-measure organisation's 2.
        assertThat(counts[0]).isEqualTo(9 * 2 * 2);
        assertThat(counts[0] + counts[1]).isEqualTo(STATUSES.size() * STATUSES.size() * callers.size());
        System.out.printf("REFERRAL MOVES: %d status x target x side x role combinations through HTTP: %d allowed, %d refused%n",
                counts[0] + counts[1], counts[0], counts[1]);
    }

    /** Every move the rule refuses from {@code from}, on one referral of each kind (a refusal changes nothing). */
    private static List<String> refusals(Scene scene, String from, List<Caller> callers) {
        String between = enrolmentIn(scene, from, false);
        String own = enrolmentIn(scene, from, true);
        List<String> lines = new ArrayList<>();
        for (Caller caller : callers) {
            String enrolment = caller.own() ? own : between;
            for (String to : STATUSES) {
                String expected = expected(from, to, caller);
                if (expected.equals("200")) {
                    continue;
                }
                Response response = move(caller.role(), caller.organisation(scene), enrolment, to);
                String got = answer(response);
                lines.add(got.equals(expected) ? expected
                        : "WRONG " + from + "->" + to + " by " + caller + ": expected " + expected + ", got " + got
                        + " " + response.asString());
                if (expected.equals("403 other-sides-move")) {
                    String whose = WHO.get(from).get(to).toLowerCase();
                    String detail = response.path("detail");
                    if (detail == null || !detail.contains("the " + whose + "'s move")) {
                        lines.add("WRONG " + from + "->" + to + " by " + caller + ": detail does not name the " + whose
                                + ": " + detail);
                    }
                }
            }
        }
        for (String enrolment : List.of(between, own)) {
            String org = enrolment.equals(own) ? scene.both() : scene.referrer();
            String now = Api.caseworker(org).get("/api/v1/enrolments/" + enrolment).path("status");
            if (!now.equals(from)) {
                lines.add("WRONG refusals moved " + enrolment + " from " + from + " to " + now);
            }
        }
        return lines;
    }

    /** One allowed move, on a referral of its own. */
    private static List<String> allowed(Scene scene, String from, String to, Caller caller) {
        String enrolment = enrolmentIn(scene, from, caller.own());
        Response response = move(caller.role(), caller.organisation(scene), enrolment, to);
        String got = answer(response);
        if (!got.equals("200") || !to.equals(response.path("status"))) {
            return List.of("WRONG " + from + "->" + to + " by " + caller + ": expected 200, got " + got + " " + response.asString());
        }
        return List.of("200");
    }

    @Test
    void anEnrolmentSaysWhoMakesEachNextMove() {
        Scene scene = Scene.create();
        String enrolment = enrolmentIn(scene, "REFERRED", false);
        Api.caseworker(scene.provider()).get("/api/v1/enrolments/" + enrolment).then().statusCode(200)
                .body("referrerId", org.hamcrest.Matchers.equalTo(scene.referrer()),
                        "providerId", org.hamcrest.Matchers.equalTo(scene.provider()),
                        "nextMoves.find { it.status == 'ACCEPTED' }.by", org.hamcrest.Matchers.equalTo("PROVIDER"),
                        "nextMoves.find { it.status == 'REJECTED' }.by", org.hamcrest.Matchers.equalTo("PROVIDER"),
                        "nextMoves.find { it.status == 'CANCELLED' }.by", org.hamcrest.Matchers.equalTo("REFERRER"));
    }
}
