package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Issue 8, data minimisation: the worker's matching view carries only what the engine reads. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class MatchingViewTest {

    /** The engine's filters and scores, the rules' {@code person} variable, the id and the version. */
    static final List<String> ENGINE_READS = List.of("id", "role", "archetype", "birthYear", "gender", "region",
            "municipality", "targetGroups", "needs", "goals", "languages", "version");

    @Test
    @SuppressWarnings("unchecked")
    void carriesNoLegalBasisNoConsentDateNoOrganisationAndNoTimestamps() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("targetGroups", List.of("PROBATION_CLIENT"));
        person.put("needs", List.of("NEED_" + Api.unique("MIN").replace("-", "_")));
        person.put("legalBasis", Map.of("basis", "LEGAL_OBLIGATION", "reference", "Probation Law, section 6"));
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        String single = Api.matcher().get("/api/v1/matching/persons/" + id).then().statusCode(200).extract().asString();
        Map<String, Object> view = Api.matcher().get("/api/v1/matching/persons/" + id).then().extract().as(Map.class);
        assertThat(view).containsOnlyKeys("person", "excludedMeasureIds", "heldProgrammeIds", "heldElsewhereMeasureIds");
        Map<String, Object> profile = (Map<String, Object>) view.get("person");
        assertThat(profile).containsOnlyKeys(ENGINE_READS);
        assertThat(profile.get("targetGroups")).isEqualTo(List.of("PROBATION_CLIENT"));
        for (String absent : List.of("legalBasis", "consentDate", "reference", "Probation Law", "organisationId",
                "matchingAllowed", "createdAt", "updatedAt", org)) {
            assertThat(single).doesNotContain(absent);
        }

        // The page of persons a catalogue change can affect carries the same view.
        Map<String, Object> m = Api.measure(Api.unique("M"), org);
        m.put("needs", person.get("needs"));
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String page = Api.matcher().queryParam("measureId", measure).get("/api/v1/matching/persons")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains(id).doesNotContain("legalBasis").doesNotContain("Probation Law")
                .doesNotContain("organisationId").doesNotContain("createdAt");
        List<Map<String, Object>> items = Api.matcher().queryParam("measureId", measure).get("/api/v1/matching/persons")
                .then().extract().path("items");
        assertThat(items).singleElement().satisfies(item ->
                assertThat((Map<String, Object>) item.get("person")).containsOnlyKeys(ENGINE_READS));
    }

    /** A full programme still lets a person who holds a place in it take another of its measures: the view says which. */
    @Test
    void namesTheProgrammesThePersonHoldsAPlaceIn() {
        String org = Api.createOrganisation();
        String programme = Api.json().body(Api.programme(Api.unique("PRG"), org)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> m = Api.measure(Api.unique("M"), org);
        m.put("programmeId", programme);
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Api.matcher().get("/api/v1/matching/persons/" + id).then().statusCode(200).body("heldProgrammeIds", hasSize(0));

        Api.caseworker(org).body(Map.of("personId", id, "measureId", measure)).post("/api/v1/enrolments").then().statusCode(201);
        Api.matcher().get("/api/v1/matching/persons/" + id).then().statusCode(200)
                .body("heldProgrammeIds", contains(programme), "excludedMeasureIds", contains(measure));
    }

    /** The worker's batch read: the same views, in the order asked, without those gone or withdrawn; worker-only and bounded. */
    @Test
    @SuppressWarnings("unchecked")
    void manyViewsInOneReadInTheOrderAskedWithoutTheWithdrawnAndUnknown() {
        String org = Api.createOrganisation();
        Map<String, Object> profile = Api.person(org);
        String first = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String second = Api.caseworker(org).body(profile).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> withdrawing = new HashMap<>(profile);
        String withdrawn = Api.caseworker(org).body(withdrawing).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        withdrawing.put("matchingAllowed", false);
        Api.caseworker(org).header("If-Match", "\"0\"").body(withdrawing).put("/api/v1/persons/" + withdrawn).then().statusCode(200);
        String unknown = UUID.randomUUID().toString();

        List<Map<String, Object>> items = Api.matcher().body(Map.of("ids", List.of(second, withdrawn, unknown, first)))
                .post(VIEWS).then().statusCode(200).extract().path("items");
        assertThat(items).extracting(item -> ((Map<String, Object>) item.get("person")).get("id")).containsExactly(second, first);
        Map<String, Object> single = Api.matcher().get("/api/v1/matching/persons/" + first).then().statusCode(200).extract().as(Map.class);
        assertThat(items.get(1)).isEqualTo(single);

        Api.caseworker(org).body(Map.of("ids", List.of(first))).post(VIEWS).then().statusCode(403);
        Api.matcher().body(Map.of("ids", List.of(first, second, first))).post(VIEWS).then().statusCode(400)
                .body("violations[0].field", equalTo("ids[2]"));
        Api.matcher().body(Map.of("ids", List.of())).post(VIEWS).then().statusCode(400);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        Api.matcher().body(Map.of("ids", tooMany)).post(VIEWS).then().statusCode(400);
    }

    private static final String VIEWS = "/api/v1/matching/persons/views";
}
