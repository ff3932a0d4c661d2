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

/** The evidence the engine reads (issue 13): per programme and target group, under the reports' disclosure control. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OutcomeEvidenceTest {

    private static void outcomes(String org, String programme, String targetGroup, int participants, int included) {
        for (int i = 0; i < participants; i++) {
            Map<String, Object> person = Api.person(org);
            person.put("targetGroups", List.of(targetGroup));
            String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
            Api.caseworker(org).body(Map.of("personId", id, "programmeId", programme, "periodStart", "2026-01-01",
                    "periodEnd", "2026-06-30", "status", i < included ? "EMPLOYED" : "NOT_INCLUDED", "outcomeDate", "2026-06-30"))
                    .post("/api/v1/outcomes").then().statusCode(201);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givesPerturbedCellsAndLeavesOutSmallGroups() {
        String org = Api.createOrganisation();
        Map<String, Object> p = Api.programme(Api.unique("EVID"), org);
        p.put("startDate", "2025-01-01");
        String programme = Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        outcomes(org, programme, "OVER_50", 24, 14);
        outcomes(org, programme, "ROMA", 3, 2);

        Map<String, Object> evidence = Api.matcher().get("/api/v1/matching/evidence").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(evidence.get("minimumCell")).isEqualTo(5);
        assertThat((Double) evidence.get("overallRate")).isBetween(0.0, 1.0);
        List<Map<String, Object>> cells = ((List<Map<String, Object>>) evidence.get("cells")).stream()
                .filter(c -> programme.equals(c.get("id"))).toList();
        assertThat(cells).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("scope", "PROGRAMME").containsEntry("group", "TARGET_GROUP").containsEntry("value", "OVER_50");
            assertThat((Integer) c.get("participants")).isBetween(22, 26);
            assertThat((Integer) c.get("included")).isBetween(12, 16);
        });

        Api.caseworker(org).get("/api/v1/matching/evidence").then().statusCode(403);
    }
}
