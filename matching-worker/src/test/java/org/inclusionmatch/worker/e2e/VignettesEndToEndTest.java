package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example matching cases through the whole stack: demo catalogue imported, person created through the API,
 * recommendations read back through the API (evaluation day 2026-11-23, as the cases were written for).
 */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class VignettesEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> vignettes() throws Exception {
        List<JsonNode> cases = new ArrayList<>();
        JSON.readTree(new File("../deploy/local/demo/vignettes-example.json")).get("vignettes").forEach(cases::add);
        return cases;
    }

    @BeforeAll
    static void catalogue() throws Exception {
        Stack.importDemoCatalogue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    @SuppressWarnings("unchecked")
    void vignette(JsonNode vignette) {
        Map<String, Object> person = JSON.convertValue(vignette.get("person"), Map.class);
        String org = Stack.createOrganisation();
        String id = Stack.caseworker(org).body(Stack.withLegalBasis(person)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> Stack.recommendations(org, id).get("computedAt") != null);

        List<String> codes = Stack.recommendedCodes(org, id);
        List<String> expect = JSON.convertValue(vignette.get("expect"), List.class);
        List<String> forbid = JSON.convertValue(vignette.get("forbid"), List.class);
        List<String> topThree = codes.subList(0, Math.min(3, codes.size()));
        assertThat(topThree.stream().filter(expect::contains).count())
                .as("%s: top three %s should hold %d of %s", vignette.get("id").asText(), topThree,
                        vignette.get("min_hits").asInt(), expect)
                .isGreaterThanOrEqualTo(vignette.get("min_hits").asInt());
        assertThat(codes).as("%s must not be offered", forbid).doesNotContainAnyElementsOf(forbid);
    }
}
