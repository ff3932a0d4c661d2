package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Outcomes' own endpoints: record, read, list, correct with If-Match, and who may do which. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OutcomeResourceTest {

    private static final String PROBLEM = "application/problem+json";

    /** An organisation operating a programme, one of its persons, and an outcome body for them. */
    private record Setup(String org, String programme, String person, Map<String, Object> outcome) {
    }

    private static Setup setup() {
        String org = Api.createOrganisation();
        String programme = Api.json().body(Api.programme(Api.unique("OUT"), org)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> outcome = new HashMap<>(Map.of("personId", person, "programmeId", programme,
                "periodStart", "2026-01-01", "periodEnd", "2026-06-30", "status", "NOT_INCLUDED", "outcomeDate", "2026-06-30"));
        return new Setup(org, programme, person, outcome);
    }

    private static Response put(String org, String id, String ifMatch, Map<String, Object> body) {
        var request = Api.caseworker(org).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/outcomes/" + id);
    }

    /**
     * An outcome recorded while the person is erased, with a place in the programme released by the erasure: never a
     * deadlock's 500 (the fuzz test found one, seed 20261123: the outcome's foreign keys lock person then programme,
     * the erasure locked programme then person). Both lock the person first now, so one waits for the other.
     */
    @Test
    void anOutcomeRecordedWhileThePersonIsErasedIsNeverAServerError() throws Exception {
        Setup s = setup();
        Map<String, Object> measure = Api.measure(Api.unique("OUTM"), s.org());
        measure.put("programmeId", s.programme());
        measure.put("regions", List.of("PIERIGA"));
        measure.put("capacity", 100);
        String measureId = Api.json().body(measure).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String person = Api.caseworker(s.org()).body(Api.person(s.org())).post("/api/v1/persons")
                        .then().statusCode(201).extract().path("id");
                Api.caseworker(s.org()).body(Map.of("personId", person, "measureId", measureId)).post("/api/v1/enrolments")
                        .then().statusCode(201);
                Map<String, Object> outcome = new HashMap<>(s.outcome());
                outcome.put("personId", person);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> recorded = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(s.org()).body(outcome).post("/api/v1/outcomes");
                });
                Future<Response> erased = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(s.org()).header("If-Match", "*").delete("/api/v1/persons/" + person);
                });
                assertThat(recorded.get().statusCode()).as(recorded.get().asString()).isIn(201, 404, 409);
                assertThat(erased.get().statusCode()).as(erased.get().asString()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordReadListAndCorrectAnOutcome() {
        Setup s = setup();
        Response created = Api.caseworker(s.org()).body(s.outcome()).post("/api/v1/outcomes");
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("personId", equalTo(s.person()), "programmeId", equalTo(s.programme()), "status", equalTo("NOT_INCLUDED"),
                        "included", equalTo(false), "version", equalTo(0), "followUpStatus", nullValue());
        String id = created.path("id");
        created.then().header("Location", endsWith("/api/v1/outcomes/" + id));

        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id), "periodStart", equalTo("2026-01-01"), "periodEnd", equalTo("2026-06-30"));
        Api.as(List.of("PARTNER"), s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200);
        Api.caseworker(s.org()).queryParam("personId", s.person()).get("/api/v1/outcomes").then().statusCode(200)
                .body("total", equalTo(1), "items[0].id", equalTo(id));
        Api.caseworker(s.org()).queryParam("programmeId", s.programme()).get("/api/v1/outcomes").then().statusCode(200)
                .body("total", equalTo(1), "items[0].id", equalTo(id));
        Api.caseworker(s.org()).queryParam("personId", UUID.randomUUID().toString()).get("/api/v1/outcomes").then().statusCode(200)
                .body("total", equalTo(0));

        // the 6-month follow-up, written against the version read
        Map<String, Object> followUp = new HashMap<>(s.outcome());
        followUp.put("followUpStatus", "EMPLOYED");
        followUp.put("followUpDate", "2026-11-30");
        put(s.org(), id, "\"0\"", followUp).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1), "followUpStatus", equalTo("EMPLOYED"), "followUpDate", equalTo("2026-11-30"));
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200)
                .body("version", equalTo(1), "followUpStatus", equalTo("EMPLOYED"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        Setup s = setup();
        String id = Api.caseworker(s.org()).body(s.outcome()).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
        Map<String, Object> employed = new HashMap<>(s.outcome());
        employed.put("status", "EMPLOYED");
        put(s.org(), id, "\"0\"", employed).then().statusCode(200).body("version", equalTo(1));

        // a second writer still holding version 0
        Map<String, Object> education = new HashMap<>(s.outcome());
        education.put("status", "IN_EDUCATION");
        put(s.org(), id, "\"0\"", education).then().statusCode(412).contentType(PROBLEM)
                .body("detail", containsString("\"1\""));
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200)
                .body("status", equalTo("EMPLOYED"), "version", equalTo(1));

        // the policy: weak tags and * are accepted; no If-Match at all is a 428 that changes nothing
        put(s.org(), id, "W/\"1\"", education).then().statusCode(200).body("version", equalTo(2));
        put(s.org(), id, "*", employed).then().statusCode(200).body("version", equalTo(3));
        put(s.org(), id, null, education).then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("https://inclusion-match.org/problems/precondition-required"));
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200)
                .body("status", equalTo("EMPLOYED"), "version", equalTo(3));
    }

    /**
     * Issue 21: an outcome records what has happened. A period that has not ended, an outcome dated ahead or a follow-up
     * dated months ahead is a 422 date-in-future naming each such field, on a create and on a correction; today itself
     * is fine (the service's calendar, Europe/Riga). A follow-up before the outcome is a 400 on followUpDate.
     */
    @Test
    void datesAfterTodayAreRefusedNamingTheField() {
        Setup s = setup();
        String id = Api.caseworker(s.org()).body(s.outcome()).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Riga"));
        String tomorrow = today.plusDays(1).toString();
        String dateInFuture = "https://inclusion-match.org/problems/date-in-future";

        for (String field : List.of("periodEnd", "outcomeDate", "followUpDate")) {
            Map<String, Object> ahead = new HashMap<>(s.outcome());
            ahead.put("periodStart", today.minusMonths(6).toString());
            ahead.put("periodEnd", today.toString());
            ahead.put("outcomeDate", today.toString());
            ahead.put("followUpStatus", "EMPLOYED");
            ahead.put("followUpDate", today.toString());
            ahead.put(field, field.equals("followUpDate") ? today.plusMonths(6).toString() : tomorrow);
            if (field.equals("outcomeDate")) {
                ahead.remove("followUpStatus");
                ahead.remove("followUpDate");
            }
            Api.caseworker(s.org()).body(ahead).post("/api/v1/outcomes").then().statusCode(422).contentType(PROBLEM)
                    .body("type", equalTo(dateInFuture), "status", equalTo(422), "detail", startsWith(field + ": must not be after today"),
                            "violations.field", contains(field));
            put(s.org(), id, "\"0\"", ahead).then().statusCode(422).contentType(PROBLEM)
                    .body("type", equalTo(dateInFuture), "violations.field", contains(field));
        }
        // all three at once: one violation each
        Map<String, Object> allAhead = new HashMap<>(s.outcome());
        allAhead.putAll(Map.of("periodEnd", tomorrow, "outcomeDate", tomorrow, "followUpStatus", "EMPLOYED", "followUpDate", tomorrow));
        Api.caseworker(s.org()).body(allAhead).post("/api/v1/outcomes").then().statusCode(422)
                .body("violations.field", contains("periodEnd", "outcomeDate", "followUpDate"));
        // a follow-up before the outcome
        Map<String, Object> before = new HashMap<>(s.outcome());
        before.putAll(Map.of("followUpStatus", "EMPLOYED", "followUpDate", "2026-06-29"));
        put(s.org(), id, "\"0\"", before).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://inclusion-match.org/problems/validation"), "violations.field", contains("followUpDate"),
                        "detail", containsString("outcomeDate"));
        // nothing above was stored; today itself is fine
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200).body("version", equalTo(0));
        Map<String, Object> endsToday = new HashMap<>(s.outcome());
        endsToday.putAll(Map.of("periodStart", today.minusMonths(6).toString(), "periodEnd", today.toString(),
                "outcomeDate", today.toString(), "followUpStatus", "EMPLOYED", "followUpDate", today.toString()));
        Api.caseworker(s.org()).body(endsToday).post("/api/v1/outcomes").then().statusCode(201);
    }

    @Test
    void refusalsAreProblemsWithTheRightStatus() {
        Setup s = setup();
        String id = Api.caseworker(s.org()).body(s.outcome()).post("/api/v1/outcomes").then().statusCode(201).extract().path("id");

        // one outcome per person, programme and period
        Api.caseworker(s.org()).body(s.outcome()).post("/api/v1/outcomes").then().statusCode(409).contentType(PROBLEM);
        // an outcome stays with its person
        String other = Api.caseworker(s.org()).body(Api.person(s.org())).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> moved = new HashMap<>(s.outcome());
        moved.put("personId", other);
        put(s.org(), id, "\"0\"", moved).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("personId"));
        // follow-up status and date come together
        Map<String, Object> halfFollowUp = new HashMap<>(s.outcome());
        halfFollowUp.put("followUpStatus", "EMPLOYED");
        put(s.org(), id, "\"0\"", halfFollowUp).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("followUpDate"));
        // a period that ends before it starts
        Map<String, Object> backwards = new HashMap<>(s.outcome());
        backwards.put("periodStart", "2026-07-01");
        Api.caseworker(s.org()).body(backwards).post("/api/v1/outcomes").then().statusCode(400).contentType(PROBLEM);

        // roles and organisations
        Api.as(List.of("PARTNER"), s.org()).body(s.outcome()).header("If-Match", "\"0\"").put("/api/v1/outcomes/" + id)
                .then().statusCode(403);
        Api.as(List.of("MATCHER"), null).get("/api/v1/outcomes/" + id).then().statusCode(403);
        Api.as(List.of("AUDITOR"), null).get("/api/v1/outcomes").then().statusCode(403);
        String stranger = Api.createOrganisation();
        Api.caseworker(stranger).get("/api/v1/outcomes/" + id).then().statusCode(404).contentType(PROBLEM);
        put(stranger, id, "\"0\"", s.outcome()).then().statusCode(404).contentType(PROBLEM);
        Api.caseworker(stranger).queryParam("personId", s.person()).get("/api/v1/outcomes").then().statusCode(200)
                .body("total", equalTo(0));
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        // nothing above changed the outcome
        Api.caseworker(s.org()).get("/api/v1/outcomes/" + id).then().statusCode(200).body("version", equalTo(0));
    }
}
