package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 14: a measure of any kind can be marked as given in a shared setting ({@code groupSetting}), and keep-apart
 * then guards it as it guards half-way houses and support groups: referrals, promotions from the waitlist, rounds,
 * the matching view and the re-match of the other person. The same measure unmarked behaves as any other; half-way
 * houses and support groups are shared whatever is sent.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class GroupSettingTest {

    private static final String PROBLEM = "application/problem+json";

    /** A TRAINING measure of {@code provider}, marked as given in a group or not. */
    static String training(String provider, boolean group, int capacity) {
        Map<String, Object> m = Api.measure(Api.unique("GRP"), provider);
        m.put("groupSetting", group);
        m.put("capacity", capacity);
        m.put("seatsTaken", 0);
        return Api.json().body(m).post("/api/v1/measures").then().statusCode(201)
                .body("groupSetting", equalTo(group)).extract().path("id");
    }

    static String person(String org) {
        return AllocationRoundTest.person(org, "RIGA", List.of());
    }

    static void keepApart(String org, String own, String other) {
        Api.keepApart(org, own, other).then().statusCode(201);
    }

    static String refer(String org, String person, String measure, String status) {
        return Api.refer(org, person, measure).then().statusCode(201).body("status", equalTo(status)).extract().path("id");
    }

    /** Person {@code a} of {@code org}, person {@code b} of {@code other}, and a course {@code org} provides. */
    record Scene(String org, String other, String course, String a, String b) {
        static Scene of(boolean group, int capacity) {
            String org = Api.createOrganisation();
            String other = Api.createOrganisation();
            return new Scene(org, other, training(org, group, capacity), person(org), person(other));
        }
    }

    static List<String> excluded(String person) {
        return Api.matcher().get("/api/v1/matching/persons/" + person).then().statusCode(200).extract().path("excludedMeasureIds");
    }

    @Test
    void aTrainingMarkedAsGroupIsRefusedToTheOtherOfAPairAndLeftOutOfTheirMatchingView() {
        for (boolean group : List.of(true, false)) {
            Scene s = Scene.of(group, 3);
            keepApart(s.org(), s.a(), s.b());
            refer(s.org(), s.a(), s.course(), "REFERRED");
            if (group) {
                assertThat(excluded(s.b())).as("the worker never offers b the group a is in").contains(s.course());
                String refusal = Api.caseworker(s.other()).body(Map.of("personId", s.b(), "measureId", s.course()))
                        .post("/api/v1/enrolments").then().statusCode(422).contentType(PROBLEM)
                        .body("type", containsString("placement-restricted")).extract().asString();
                assertThat(refusal).doesNotContain(s.a()).doesNotContainIgnoringCase("keep");
            } else {
                assertThat(excluded(s.b())).as("an individual course is offered as before").doesNotContain(s.course());
                refer(s.other(), s.b(), s.course(), "REFERRED");
            }
        }
    }

    @Test
    void aWaitingPersonIsSkippedOnPromotionIntoAGroupTrainingOnly() {
        for (boolean group : List.of(true, false)) {
            Scene s = Scene.of(group, 2);
            String leaving = refer(s.org(), person(s.org()), s.course(), "REFERRED");
            refer(s.org(), s.a(), s.course(), "REFERRED");
            String waiting = refer(s.other(), s.b(), s.course(), "WAITLISTED");
            keepApart(s.other(), s.b(), s.a()); // after b joined the waitlist: before, the referral itself is refused
            Api.caseworker(s.org()).body(Map.of("status", "CANCELLED", "reason", "NOT_ELIGIBLE"))
                    .post("/api/v1/enrolments/" + leaving + "/status").then().statusCode(200);
            Api.caseworker(s.other()).get("/api/v1/enrolments/" + waiting).then().statusCode(200)
                    .body("status", equalTo(group ? "WAITLISTED" : "REFERRED"));
        }
    }

    @Test
    void aRoundNeverPutsAPairInOneGroupTraining() {
        for (boolean group : List.of(true, false)) {
            Scene s = Scene.of(group, 2);
            String course = s.course();
            String a = s.a();
            String b = s.b();
            AllocationRoundTest.recommend(a, Map.of(course, 0.9));
            AllocationRoundTest.recommend(b, Map.of(course, 0.8));
            keepApart(s.org(), a, b);
            List<Map<String, Object>> items = Api.caseworker(s.org()).body(Map.of("measureId", course)).post("/api/v1/allocation-rounds")
                    .then().statusCode(201).extract().path("items");
            Map<Object, Object> placed = new LinkedHashMap<>();
            items.forEach(i -> placed.put(i.get("personId"), i.get("measureId")));
            if (group) {
                assertThat(placed.get(a)).as("the better fit gets the place").isEqualTo(course);
                assertThat(placed.get(b)).as("never beside the person kept apart").isNull();
            } else {
                assertThat(placed).containsEntry(a, course).containsEntry(b, course);
            }
        }
    }

    @Test
    void takingAPlaceInAGroupTrainingReMatchesTheOtherPersonOnly() {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();
        String individual = training(org, false, 3);
        String group = training(org, true, 3);
        String a = person(org);
        String b = person(other);
        keepApart(org, a, b);
        refer(org, a, individual, "REFERRED"); // no re-match of b
        refer(org, a, group, "REFERRED");      // b's offers change: re-matched
        try (TopicReader reader = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> reader.eventsAbout(b, Duration.ofMillis(200)).size() >= 3);
            List<String> types = reader.eventsAbout(b, Duration.ofMillis(1000)).stream().map(e -> e.get("type").asText()).toList();
            assertThat(types).containsExactly("PERSON_CREATED",
                    "PERSON_MATCHING_INPUTS_CHANGED",  // the constraint recorded
                    "PERSON_MATCHING_INPUTS_CHANGED"); // a took a place in the group training
        }
    }

    @Test
    void theSettingIsWrittenReadAndListedAndAlwaysTrueForHalfwayHousesAndSupportGroups() {
        String org = Api.createOrganisation();
        Map<String, Object> course = Api.measure(Api.unique("GRP"), org);
        course.put("groupSetting", true);
        String id = Api.json().body(course).post("/api/v1/measures").then().statusCode(201)
                .body("groupSetting", equalTo(true)).extract().path("id");
        Api.json().get("/api/v1/measures/" + id).then().statusCode(200).body("groupSetting", equalTo(true));
        Api.json().queryParam("code", course.get("code")).get("/api/v1/measures").then().statusCode(200)
                .body("items[0].groupSetting", equalTo(true));
        // Left out, the setting is kept: a client that predates the field must not unmark it on a read-modify-write.
        course.remove("groupSetting");
        course.put("title", "Course in small groups, renamed");
        Api.json().header("If-Match", "\"0\"").body(course).put("/api/v1/measures/" + id).then().statusCode(200)
                .body("groupSetting", equalTo(true), "version", equalTo(1));
        course.put("groupSetting", false);
        Api.json().header("If-Match", "\"1\"").body(course).put("/api/v1/measures/" + id).then().statusCode(200)
                .body("groupSetting", equalTo(false), "version", equalTo(2));
        course.remove("groupSetting");
        Api.json().header("If-Match", "\"2\"").body(course).put("/api/v1/measures/" + id).then().statusCode(200)
                .body("groupSetting", equalTo(false), "version", equalTo(2));

        for (String kind : List.of("SUPPORT_GROUP", "HALFWAY_HOUSE")) {
            Map<String, Object> shared = Api.measure(Api.unique("GRP"), org);
            shared.put("kind", kind);
            shared.put("groupSetting", false);
            Api.json().body(shared).post("/api/v1/measures").then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("groupSetting"), "detail", containsString(kind));
            shared.remove("groupSetting");
            String sharedId = Api.json().body(shared).post("/api/v1/measures").then().statusCode(201)
                    .body("groupSetting", equalTo(true)).extract().path("id");
            shared.put("groupSetting", false);
            Api.json().header("If-Match", "\"0\"").body(shared).put("/api/v1/measures/" + sharedId).then().statusCode(400)
                    .contentType(PROBLEM).body("violations[0].field", equalTo("groupSetting"));
            Api.json().get("/api/v1/measures/" + sharedId).then().body("groupSetting", equalTo(true), "version", equalTo(0));
            // no longer that kind: shared only when marked
            shared.put("kind", "TRAINING");
            Api.json().header("If-Match", "\"0\"").body(shared).put("/api/v1/measures/" + sharedId).then().statusCode(200)
                    .body("groupSetting", equalTo(false));
        }
        course.put("groupSetting", "often");
        Api.json().body(course).post("/api/v1/measures").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aCatalogueFileMarksMeasuresAndCannotUnmarkASupportGroup() {
        String suffix = Api.unique("");
        Map<String, Object> organisation = Map.of("code", "GRP-ORG" + suffix, "name", "Group provider", "kind", "NGO", "region", "RIGA");
        Map<String, Object> course = new LinkedHashMap<>(Map.of("code", "GRP-COURSE" + suffix, "provider", "GRP-ORG" + suffix,
                "kind", "TRAINING", "title", "Course in small groups", "needs", List.of("SOFT_SKILLS"), "regions", List.of("RIGA"),
                "capacity", 12, "groupSetting", true));
        Map<String, Object> circle = new LinkedHashMap<>(Map.of("code", "GRP-CIRCLE" + suffix, "provider", "GRP-ORG" + suffix,
                "kind", "SUPPORT_GROUP", "title", "Support group", "needs", List.of("SOCIAL_SUPPORT"), "regions", List.of("RIGA"),
                "capacity", 8));
        Map<String, Object> file = Map.of("organisations", List.of(organisation), "measures", List.of(course, circle));
        Api.json().body(file).post("/api/v1/catalogue/import").then().statusCode(200).body("measures.created", equalTo(2));
        Api.json().queryParam("code", course.get("code")).get("/api/v1/measures").then().body("items[0].groupSetting", equalTo(true));
        Api.json().queryParam("code", circle.get("code")).get("/api/v1/measures").then().body("items[0].groupSetting", equalTo(true));
        Api.json().body(file).post("/api/v1/catalogue/import").then().statusCode(200).body("measures.unchanged", equalTo(2));

        circle.put("groupSetting", false);
        Api.json().body(file).post("/api/v1/catalogue/import").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("measures[1].groupSetting"));
        circle.remove("groupSetting");
        course.remove("groupSetting"); // left out: kept, as through the API
        Api.json().body(file).post("/api/v1/catalogue/import").then().statusCode(200).body("measures.unchanged", equalTo(2));
        Api.json().queryParam("code", course.get("code")).get("/api/v1/measures").then().body("items[0].groupSetting", equalTo(true));
        course.put("groupSetting", false);
        Api.json().body(file).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("measures.updated", equalTo(1), "measures.unchanged", equalTo(1));
        Api.json().queryParam("code", course.get("code")).get("/api/v1/measures").then().body("items[0].groupSetting", equalTo(false));
    }
}
