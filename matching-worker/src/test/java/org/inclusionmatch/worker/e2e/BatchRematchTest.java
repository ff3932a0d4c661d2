package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11: a catalogue change re-matches every person it can affect through the batch path (one page read, one
 * batch store), and the persons who only had the changed measure recommended are found through the index.
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class BatchRematchTest {

    private static final Duration SECONDS = Duration.ofSeconds(30);
    private static final int PERSONS = 12;

    @BeforeAll
    static void catalogue() throws Exception {
        Stack.importDemoCatalogue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMeasureNoLongerServingTheirNeedLeavesTheListsOfAllWhoHadItRecommendedInOneBatch() {
        String org = Stack.createOrganisation();
        String need = "NEED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = "BATCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> measure = new HashMap<>(Map.of("code", code, "providerId", org, "kind", "TRAINING",
                "title", "Course " + code, "needs", List.of(need), "regions", List.of("PIERIGA"),
                "capacity", 50, "seatsTaken", 0));
        String measureId = Stack.api().body(measure).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Stack.awaitWorkerCaughtUp(Stack.topic("catalogue")); // its creation re-matches nobody yet

        List<String> persons = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            Map<String, Object> person = new HashMap<>(Map.of("organisationId", org, "role", "PARTICIPANT",
                    "archetype", "GROWTH_ORIENTED", "birthYear", 1980 + i, "gender", "MALE", "region", "PIERIGA",
                    "municipality", "Ogre", "targetGroups", List.of(), "needs", List.of(need), "goals", List.of()));
            person.put("languages", List.of("lv"));
            persons.add(Stack.caseworker(org).body(Stack.withLegalBasis(person)).post("/api/v1/persons")
                    .then().statusCode(201).extract().path("id"));
        }
        // Matched one by one, on their own events: each has the measure recommended.
        await().atMost(SECONDS).until(() -> persons.stream().allMatch(p -> Stack.recommendedCodes(org, p).contains(code)));
        Stack.awaitWorkerCaughtUp(Stack.topic("persons"));

        // Now it serves a need nobody has: only recommended_measure still ties the persons to it.
        measure.put("needs", List.of(need + "_OTHER"));
        Instant changed = Instant.now();
        Stack.api().header("If-Match", "\"0\"").body(measure).put("/api/v1/measures/" + measureId).then().statusCode(200);
        await().atMost(SECONDS).until(() -> persons.stream().noneMatch(p -> Stack.recommendedCodes(org, p).contains(code)));
        persons.forEach(p -> assertThat(Stack.recommendations(org, p).get("version")).isEqualTo(1));

        // All of them were stored by one batch request: one audit entry names them all.
        List<Map<String, Object>> entries = Stack.as(List.of("AUDITOR"), null).queryParam("personId", persons.get(0))
                .queryParam("from", changed.toString())
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertThat(entries).filteredOn(e -> "UPDATE".equals(e.get("operation"))
                        && "RECOMMENDATIONS".equals(e.get("resourceType")) && e.get("resourceId") == null)
                .singleElement()
                .satisfies(e -> assertThat((List<String>) e.get("personIds")).containsExactlyInAnyOrderElementsOf(persons));
    }
}
