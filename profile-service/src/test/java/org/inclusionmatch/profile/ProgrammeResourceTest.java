package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ProgrammeResourceTest {

    @Test
    void createsListsUpdatesAndDeletes() {
        String operator = Api.createOrganisation();
        String code = Api.unique("PRG");
        Map<String, Object> programme = Api.programme(code, operator);
        programme.put("eligibility", "person.targetGroups.exists(g, g in ['PROBATION_CLIENT','FORMER_PRISONER'])");
        String id = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201)
                .body("regions", equalTo(List.of("RIGA", "PIERIGA")), "operatorId", equalTo(operator),
                        "eligibilityDescription", equalTo("in one of the target groups: Probation clients, Former prisoners"))
                .extract().path("id");
        Api.json().header("Accept-Language", "lv").get("/api/v1/programmes/" + id).then().statusCode(200)
                .body("eligibilityDescription", equalTo("kādā no mērķa grupām: Probācijas klienti, Bijušie ieslodzītie"));

        Api.json().queryParam("operatorId", operator).queryParam("region", "PIERIGA").get("/api/v1/programmes")
                .then().statusCode(200).body("total", equalTo(1), "items[0].code", equalTo(code));
        Api.json().queryParam("operatorId", operator).queryParam("region", "LATGALE").get("/api/v1/programmes")
                .then().body("total", equalTo(0));

        programme.put("capacity", 400);
        Api.json().header("If-Match", "\"0\"").body(programme).put("/api/v1/programmes/" + id)
                .then().statusCode(200).body("capacity", equalTo(400));

        Api.json().body(Api.programme(code, operator)).post("/api/v1/programmes").then().statusCode(409);
        Api.json().header("If-Match", "\"1\"").delete("/api/v1/programmes/" + id).then().statusCode(204);
    }

    @Test
    void aProgrammeStillReferencedByAMeasureCannotBeDeleted() {
        String operator = Api.createOrganisation();
        String programme = Api.json().body(Api.programme(Api.unique("PRG"), operator)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> measure = Api.measure(Api.unique("M"), operator);
        measure.put("programmeId", programme);
        Api.json().body(measure).post("/api/v1/measures").then().statusCode(201);
        Api.json().header("If-Match", "\"0\"").delete("/api/v1/programmes/" + programme)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("refer"));
    }

    @Test
    void anEndBeforeTheStartOrABadRuleIsAFieldError() {
        Map<String, Object> programme = Api.programme(Api.unique("PRG"), Api.createOrganisation());
        programme.put("endDate", "2025-01-01");
        Api.json().body(programme).post("/api/v1/programmes").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"));
        programme.put("endDate", "2027-01-01");
        programme.put("eligibility", "person.role");
        Api.json().body(programme).post("/api/v1/programmes").then().statusCode(400)
                .body("violations[0].field", equalTo("eligibility"), "violations[0].message", containsString("bool"));
    }
}
