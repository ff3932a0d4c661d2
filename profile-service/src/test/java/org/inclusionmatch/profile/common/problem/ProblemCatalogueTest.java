package org.inclusionmatch.profile.common.problem;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error catalogue is part of the contract: clients branch on a problem's type, so the list of types, with their
 * statuses and titles, may only grow. It is held to the committed list in contracts/ (a change to an existing line
 * fails here and needs a deliberate edit of that file, which a review sees) and to the table of the partners' reference.
 */
class ProblemCatalogueTest {

    private static final Path COMMITTED = Path.of("../contracts/src/main/problems/problem-types.tsv");
    private static final Path DOCS = Path.of("../docs/partners.md");

    @Test
    void theCatalogueIsTheCommittedList() throws Exception {
        List<String> committed = Files.readAllLines(COMMITTED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> code = Arrays.stream(ProblemType.values())
                .map(type -> type.slug() + "\t" + type.status() + "\t" + type.title()).toList();
        assertThat(code).as("ProblemType against %s", COMMITTED).containsExactlyElementsOf(committed);
    }

    @Test
    void slugsAreUniqueStableUriSegments() {
        assertThat(new HashSet<>(Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList()))
                .hasSize(ProblemType.values().length);
        for (ProblemType type : ProblemType.values()) {
            assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(type.uri()).hasToString("https://inclusion-match.org/problems/" + type.slug());
            assertThat(ProblemType.ofUri(type.uri())).contains(type);
            assertThat(type.description()).isNotBlank();
        }
    }

    @Test
    void thePartnersReferenceListsEveryType() throws Exception {
        String docs = Files.readString(DOCS);
        assertThat(docs).contains("## Problem types");
        for (ProblemType type : ProblemType.values()) {
            assertThat(docs).as("%s row of %s", DOCS, type.slug()).contains("| `" + type.slug() + "` |");
        }
    }

    @Test
    void everyProblemHasItsTypesStatusAndTitle() {
        for (ProblemType type : ProblemType.values()) {
            if (type == ProblemType.HTTP_ERROR) {
                assertThat(Problem.of(type, 418, "x").status()).isEqualTo(418);
                continue;
            }
            Problem problem = Problem.of(type, "detail");
            assertThat(problem.type()).isEqualTo(type.uri());
            assertThat(problem.status()).isEqualTo(type.status());
            assertThat(problem.title()).isEqualTo(type.title());
        }
    }
}
