package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class PersonResourceTest {

    @Test
    void createsReadsUpdatesAndDeletesAProfile() {
        String org = Api.createOrganisation();
        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("organisationId", equalTo(org), "targetGroups", equalTo(List.of("SINGLE_PARENT")))
                .extract().path("id");

        Map<String, Object> changed = Api.person(org);
        changed.put("needs", List.of("HOUSING", "HOUSING", "FIRST_JOB"));
        Api.caseworker(org).header("If-Match", "\"0\"").body(changed).put("/api/v1/persons/" + id)
                .then().statusCode(200).body("needs", equalTo(List.of("HOUSING", "FIRST_JOB")), "version", equalTo(1));

        Api.caseworker(org).get("/api/v1/persons/" + id).then().statusCode(200).header("ETag", "\"1\"");
        Api.caseworker(org).header("If-Match", "\"1\"").delete("/api/v1/persons/" + id).then().statusCode(204);
        Api.caseworker(org).get("/api/v1/persons/" + id).then().statusCode(404);
    }

    /**
     * The read answers from a projection of its own (PersonReads), the write from the entity (PersonView.of): both
     * answers, every field, must be the same person.
     */
    @Test
    void theReadAnswersEveryFieldAsTheWriteDid() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("externalRef", Api.unique("REF"));
        person.put("legalBasis", Map.of("basis", "LEGAL_OBLIGATION", "reference", "Probation Law, section 6"));
        Map<String, Object> written = Api.caseworker(org).body(person).post("/api/v1/persons")
                .then().statusCode(201).extract().as(Map.class);
        Map<String, Object> read = Api.caseworker(org).get("/api/v1/persons/" + written.get("id"))
                .then().statusCode(200).extract().as(Map.class);
        assertThat(read).isEqualTo(written);
    }

    @Test
    void theArchetypeMustBelongToTheRole() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("archetype", "FOUNDER");
        Api.caseworker(org).body(person).post("/api/v1/persons")
                .then().statusCode(400).body("violations[0].field", equalTo("archetype"),
                        "violations[0].message", containsString("FACILITATOR"));
    }

    @Test
    void listsFilterByOrganisationRoleTargetGroupAndNeed() {
        String org = Api.createOrganisation();
        Map<String, Object> mother = Api.person(org);
        Map<String, Object> manager = Api.person(org);
        manager.put("role", "FACILITATOR");
        manager.put("archetype", "NEAR_RETIREMENT_MANAGER");
        manager.put("targetGroups", List.of("OVER_50"));
        manager.put("needs", List.of("SUCCESSION"));
        Api.caseworker(org).body(mother).post("/api/v1/persons").then().statusCode(201);
        Api.caseworker(org).body(manager).post("/api/v1/persons").then().statusCode(201);

        Api.caseworker(org).queryParam("organisationId", org).get("/api/v1/persons").then().body("total", equalTo(2));
        Api.caseworker(org).queryParam("organisationId", org).queryParam("role", "FACILITATOR").get("/api/v1/persons")
                .then().body("items", hasSize(1), "items[0].archetype", equalTo("NEAR_RETIREMENT_MANAGER"));
        Api.caseworker(org).queryParam("organisationId", org).queryParam("targetGroup", "OVER_50").queryParam("need", "SUCCESSION")
                .get("/api/v1/persons").then().body("total", equalTo(1));
        Api.caseworker(org).queryParam("organisationId", org).queryParam("archetype", "GROWTH_ORIENTED").queryParam("region", "PIERIGA")
                .get("/api/v1/persons").then().body("total", equalTo(1), "items[0].needs", hasItems("CAREER_GUIDANCE"));
    }

    @Test
    void aTokenOfAnOrganisationThatDoesNotExistIsRefused() {
        // Not a field error about the body: the token itself names no organisation here (OrganisationClaimTest).
        Api.caseworker("00000000-0000-0000-0000-000000000001").body(Api.person(null)).post("/api/v1/persons")
                .then().statusCode(403).body("type", equalTo("https://inclusion-match.org/problems/forbidden"));
    }
}
