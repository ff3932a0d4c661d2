package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document partners generate clients from is committed in contracts/. This test fails when the code
 * drifts from it; run with -Dopenapi.update=true to write the new document, then review and commit the diff.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("../contracts/src/main/openapi/profile-service.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonNode live() throws Exception {
        return JSON.readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theCommittedDocumentMatchesTheCode() throws Exception {
        String live = JSON.writeValueAsString(JSON.treeToValue(live(), Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, live);
        }
        assertThat(COMMITTED).as("committed OpenAPI document; regenerate with -Dopenapi.update=true").exists();
        assertThat(Files.readString(COMMITTED))
                .as("the API changed: run the tests with -Dopenapi.update=true and commit contracts/src/main/openapi")
                .isEqualTo(live);
    }

    @Test
    void everyOperationHasAnIdASummaryAndProblemResponses() throws Exception {
        List<String> missing = new ArrayList<>();
        live().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode operation = op.getValue();
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            if (!operation.hasNonNull("operationId")) missing.add(where + " operationId");
            if (!operation.hasNonNull("summary")) missing.add(where + " summary");
            if (!operation.path("responses").has("400")) missing.add(where + " 400");
            if (!operation.path("responses").path("400").path("content").has("application/problem+json")) {
                missing.add(where + " problem+json");
            }
        }));
        assertThat(missing).isEmpty();
    }
}
