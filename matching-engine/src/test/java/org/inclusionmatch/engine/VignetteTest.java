package org.inclusionmatch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published matching cases against the demo catalogue: the first three recommendations hold at least
 * {@code min_hits} of {@code expect}, and no {@code forbid} code appears at all.
 */
class VignetteTest {

    private static final Path DEMO = Path.of("..", "deploy", "local", "demo");
    private static final LocalDate EVALUATION_DAY = LocalDate.of(2026, 11, 23);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Catalogue CATALOGUE = loadCatalogue();

    static Stream<Arguments> vignettes() throws IOException {
        JsonNode root = JSON.readTree(DEMO.resolve("vignettes-example.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        root.get("vignettes").forEach(v -> cases.add(Arguments.of(v.get("id").asText() + ": " + v.get("note").asText(), v)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void recommendsWhatTheCaseExpects(String name, JsonNode vignette) {
        List<String> recommended = new MatchingEngine()
                .recommend(person(vignette.get("person")), CATALOGUE, EVALUATION_DAY)
                .stream().map(Recommendation::measureCode).toList();

        List<String> expected = strings(vignette.get("expect"));
        List<String> topThree = recommended.subList(0, Math.min(3, recommended.size()));
        assertThat(topThree.stream().filter(expected::contains).count())
                .as("expected codes in the top three of %s", recommended)
                .isGreaterThanOrEqualTo(vignette.get("min_hits").asLong());
        assertThat(recommended).doesNotContainAnyElementsOf(strings(vignette.get("forbid")));
    }

    private static PersonProfile person(JsonNode p) {
        return new PersonProfile(UUID.randomUUID(), 1, p.path("role").asText(), p.path("archetype").asText(),
                p.path("birthYear").asInt(), p.path("gender").asText(), p.path("region").asText(),
                p.path("municipality").asText(), strings(p.get("targetGroups")), strings(p.get("needs")),
                strings(p.get("goals")), strings(p.get("languages")), Set.of());
    }

    private static Catalogue loadCatalogue() {
        Catalogue catalogue = DemoCatalogue.load();
        assertThat(catalogue.problems()).as("the demo catalogue is clean").isEmpty();
        return catalogue;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }
}
