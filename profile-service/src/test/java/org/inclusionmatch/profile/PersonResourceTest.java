package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
class PersonResourceTest {

    @Test
    void createsReadsUpdatesAndDeletesAProfile() {
        String org = Api.createOrganisation();
        String id = Api.json().body(Api.person(org)).post("/api/v1/persons")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("organisationId", equalTo(org), "targetGroups", equalTo(List.of("SINGLE_PARENT")))
                .extract().path("id");

        Map<String, Object> changed = Api.person(org);
        changed.put("needs", List.of("HOUSING", "HOUSING", "FIRST_JOB"));
        Api.json().header("If-Match", "\"0\"").body(changed).put("/api/v1/persons/" + id)
                .then().statusCode(200).body("needs", equalTo(List.of("HOUSING", "FIRST_JOB")), "version", equalTo(1));

        Api.json().get("/api/v1/persons/" + id).then().statusCode(200).header("ETag", "\"1\"");
        Api.json().delete("/api/v1/persons/" + id).then().statusCode(204);
        Api.json().get("/api/v1/persons/" + id).then().statusCode(404);
    }

    @Test
    void theArchetypeMustBelongToTheRole() {
        Map<String, Object> person = Api.person(Api.createOrganisation());
        person.put("archetype", "FOUNDER");
        Api.json().body(person).post("/api/v1/persons")
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
        Api.json().body(mother).post("/api/v1/persons").then().statusCode(201);
        Api.json().body(manager).post("/api/v1/persons").then().statusCode(201);

        Api.json().queryParam("organisationId", org).get("/api/v1/persons").then().body("total", equalTo(2));
        Api.json().queryParam("organisationId", org).queryParam("role", "FACILITATOR").get("/api/v1/persons")
                .then().body("items", hasSize(1), "items[0].archetype", equalTo("NEAR_RETIREMENT_MANAGER"));
        Api.json().queryParam("organisationId", org).queryParam("targetGroup", "OVER_50").queryParam("need", "SUCCESSION")
                .get("/api/v1/persons").then().body("total", equalTo(1));
        Api.json().queryParam("organisationId", org).queryParam("archetype", "GROWTH_ORIENTED").queryParam("region", "PIERIGA")
                .get("/api/v1/persons").then().body("total", equalTo(1), "items[0].needs", hasItems("CAREER_GUIDANCE"));
    }

    @Test
    void anUnknownOrganisationIsAFieldError() {
        Api.json().body(Api.person("00000000-0000-0000-0000-000000000001")).post("/api/v1/persons")
                .then().statusCode(400).body("violations[0].field", equalTo("organisationId"));
    }
}
