package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class MeasureResourceTest {

    String provider;

    @BeforeEach
    void provider() {
        provider = Api.createOrganisation();
    }

    @Test
    void createsWithAProgrammeAndUpdatesWithIfMatch() {
        String programme = Api.json().body(Api.programme(Api.unique("PRG"), provider)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> measure = Api.measure(Api.unique("M"), provider);
        measure.put("programmeId", programme);
        measure.put("eligibility", "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['OVER_50'])");
        String id = Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(201)
                .body("programmeId", equalTo(programme), "seatsLeft", equalTo(8), "remote", equalTo(false))
                .extract().path("id");
        // the rule in plain words beside the CEL, in the asked language; the CEL stays for whoever maintains it
        Api.json().header("Accept-Language", "lv").get("/api/v1/measures/" + id).then().statusCode(200)
                .header("Content-Language", "lv")
                .body("eligibility", equalTo("person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['OVER_50'])"),
                        "eligibilityDescription", equalTo("loma: Darba ņēmējs no sociāli mazaizsargātās grupas (SMG) un mērķa grupā: Personas pēc 50 gadu vecuma"));
        Api.json().header("Accept-Language", "en").queryParam("programmeId", programme).get("/api/v1/measures").then().statusCode(200)
                .body("items[0].eligibilityDescription", equalTo("role is Participant from a vulnerable group and in the target group: Persons over 50"));

        measure.put("seatsTaken", 10);
        Api.json().header("If-Match", "\"0\"").body(measure).put("/api/v1/measures/" + id)
                .then().statusCode(200).body("seatsLeft", equalTo(0), "version", equalTo(1));
        Api.json().header("If-Match", "\"0\"").body(measure).put("/api/v1/measures/" + id).then().statusCode(412);
        Api.json().header("If-Match", "\"1\"").delete("/api/v1/measures/" + id).then().statusCode(204);
    }

    @Test
    void audienceRolesAndLanguagesAreKeptAndValidated() {
        Map<String, Object> measure = Api.measure(Api.unique("M"), provider);
        Api.json().body(measure).post("/api/v1/measures").then().statusCode(201)
                .body("audienceRoles", hasSize(0), "languages", hasSize(0)); // left out: any role, any language
        measure = Api.measure(Api.unique("M"), provider);
        measure.put("audienceRoles", List.of("FACILITATOR", "SUPPORT_PERSON", "FACILITATOR"));
        measure.put("languages", List.of("lv", "ru"));
        String id = Api.json().body(measure).post("/api/v1/measures").then().statusCode(201)
                .body("audienceRoles", contains("FACILITATOR", "SUPPORT_PERSON"), "languages", contains("lv", "ru"))
                .extract().path("id");
        Api.json().get("/api/v1/measures/" + id).then().statusCode(200).body("languages", contains("lv", "ru"));

        Map<String, Object> bad = Api.measure(Api.unique("M"), provider);
        bad.put("languages", List.of("Latvian"));
        Api.json().body(bad).post("/api/v1/measures").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("languages[0]"));
        bad = Api.measure(Api.unique("M"), provider);
        bad.put("audienceRoles", List.of("BOSS"));
        Api.json().body(bad).post("/api/v1/measures").then().statusCode(400).contentType("application/problem+json");
    }

    /** The waitlist and the places freed in the last 90 days, from which the engine estimates a wait (issue 13). */
    @Test
    @SuppressWarnings("unchecked")
    void showsItsWaitlistAndThePlacesRecentlyFreed() {
        Map<String, Object> m = Api.measure(Api.unique("M"), provider);
        m.put("capacity", 1);
        m.put("seatsTaken", 0);
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201)
                .body("waitlist", equalTo(0), "releasedLast90Days", equalTo(0)).extract().path("id");
        String first = Api.caseworker(provider).body(Api.person(provider)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String second = Api.caseworker(provider).body(Api.person(provider)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String placed = Api.caseworker(provider).body(Map.of("personId", first, "measureId", measure)).post("/api/v1/enrolments")
                .then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");
        Api.caseworker(provider).body(Map.of("personId", second, "measureId", measure)).post("/api/v1/enrolments")
                .then().statusCode(201).body("status", equalTo("WAITLISTED"));
        Api.json().get("/api/v1/measures/" + measure).then().statusCode(200)
                .body("waitlist", equalTo(1), "releasedLast90Days", equalTo(0));

        for (String step : List.of("ACCEPTED", "ENROLLED", "COMPLETED")) {
            Api.caseworker(provider).body(Map.of("status", step)).post("/api/v1/enrolments/" + placed + "/status")
                    .then().statusCode(200);
        }
        Api.json().queryParam("code", m.get("code")).get("/api/v1/measures").then().statusCode(200)
                .body("items[0].waitlist", equalTo(0), "items[0].releasedLast90Days", equalTo(1));

        // what a GET returns can be sent back as it is: the read-only figures are ignored, not refused
        Map<String, Object> read = Api.json().get("/api/v1/measures/" + measure).then().extract().as(Map.class);
        Api.json().header("If-Match", "\"" + read.get("version") + "\"").body(read).put("/api/v1/measures/" + measure)
                .then().statusCode(200);
    }

    @Test
    void aRuleThatDoesNotCompileIsRejectedWithTheCompilersMessage() {
        Map<String, Object> measure = Api.measure(Api.unique("M"), provider);
        measure.put("eligibility", "person.salary > 1000");
        Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("eligibility"),
                        "violations[0].message", containsString("undefined field 'salary'"));

        measure.put("eligibility", "person.age >= '18'");
        Api.json().body(measure).post("/api/v1/measures")
                .then().statusCode(400).body("detail", containsString("eligibility: does not compile"));
    }

    /** Issue 8: a case worker's rule of six nested comprehensions compiled and then pinned every matching thread. */
    @Test
    void anExpensiveRuleIsRefusedWithAProblemNamingTheLimit() {
        String forty = java.util.stream.IntStream.range(0, 40).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String rule = "person.age >= 0";
        for (char v = 'f'; v >= 'a'; v--) {
            rule = forty + ".all(" + v + ", " + rule + ")";
        }
        Map<String, Object> measure = Api.measure(Api.unique("M"), provider);
        measure.put("eligibility", rule);
        Api.caseworker(provider).body(measure).post("/api/v1/measures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400),
                        "detail", containsString("comprehension nesting limit"),
                        "violations[0].field", equalTo("eligibility"),
                        "violations[0].message", containsString("nests comprehensions (all, exists, exists_one, map, filter) 6 deep, at most 2"));

        measure.put("eligibility", forty + ".all(a, " + forty + ".all(b, a != b || person.age > 0))");
        Api.caseworker(provider).body(measure).post("/api/v1/measures")
                .then().statusCode(400).body("violations[0].message", containsString("estimated cost limit"));

        // The same measure with a realistic nested rule is fine.
        measure.put("eligibility", "['OVER_50', 'ROMA'].exists(t, t in person.targetGroups) && person.age >= 18");
        Api.caseworker(provider).body(measure).post("/api/v1/measures").then().statusCode(201);
    }

    @Test
    void listsFilterOnNeedKindAndRegionIncludingRemote() {
        String need = "NEED_" + Api.unique("X").replace("-", "_");
        Map<String, Object> local = Api.measure(Api.unique("LOCAL"), provider);
        local.put("needs", List.of(need));
        local.put("regions", List.of("LATGALE"));
        Map<String, Object> remote = Api.measure(Api.unique("REMOTE"), provider);
        remote.put("needs", List.of(need));
        remote.put("regions", List.of("RIGA"));
        remote.put("remote", true);
        Map<String, Object> elsewhere = Api.measure(Api.unique("ELSEWHERE"), provider);
        elsewhere.put("needs", List.of(need));
        elsewhere.put("regions", List.of("KURZEME"));
        for (Map<String, Object> m : List.of(local, remote, elsewhere)) {
            Api.json().body(m).post("/api/v1/measures").then().statusCode(201);
        }
        Api.json().queryParam("need", need).queryParam("region", "LATGALE").queryParam("kind", "TRAINING")
                .get("/api/v1/measures").then().statusCode(200)
                .body("total", equalTo(2), "items.code", hasItem(local.get("code")), "items.code", hasItem(remote.get("code")),
                        "items.code", not(hasItem(elsewhere.get("code"))), "items.needs", everyItem(hasItem(need)));
    }

    @Test
    void crossFieldRulesAreFieldErrors() {
        Map<String, Object> measure = Api.measure(Api.unique("M"), provider);
        measure.put("seatsTaken", 11);
        Api.json().body(measure).post("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", equalTo("seatsTaken"));

        measure.put("seatsTaken", 0);
        measure.put("startDate", "2026-12-01");
        measure.put("endDate", "2026-11-01");
        Api.json().body(measure).post("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"));

        measure.put("endDate", null);
        measure.put("providerId", "00000000-0000-0000-0000-000000000000");
        Api.json().body(measure).post("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", equalTo("providerId"));
    }
}
