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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents are committed in contracts/: the partners' (/q/openapi, profile-service.json), which they generate
 * clients from, and the internal one of the worker's operations (/q/openapi-internal, profile-service-internal.json).
 * This test fails when the code drifts from either; run with -Dopenapi.update=true to write the new documents, then
 * review and commit the diff.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("../contracts/src/main/openapi/profile-service.json");
    static final Path COMMITTED_INTERNAL = Path.of("../contracts/src/main/openapi/profile-service-internal.json");
    static final String INTERNAL = "/q/openapi-internal";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonNode live() throws Exception {
        return live("/q/openapi");
    }

    private static JsonNode live(String path) throws Exception {
        return JSON.readTree(RestAssured.given().queryParam("format", "json").get(path).then().statusCode(200)
                .extract().asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", INTERNAL})
    void theCommittedDocumentMatchesTheCode(String served) throws Exception {
        Path committed = served.equals(INTERNAL) ? COMMITTED_INTERNAL : COMMITTED;
        String live = JSON.writeValueAsString(JSON.treeToValue(live(served), Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, live);
        }
        assertThat(committed).as("committed OpenAPI document; regenerate with -Dopenapi.update=true").exists();
        assertThat(Files.readString(committed))
                .as("the API changed: run the tests with -Dopenapi.update=true and commit contracts/src/main/openapi")
                .isEqualTo(live);
    }

    /** The worker's operations (MATCHER alone may call them) are in the internal document only, the rest in the partners'. */
    @Test
    void theWorkersOperationsAreInTheInternalDocumentOnly() throws Exception {
        Set<String> partners = operations(live(), false);
        Set<String> worker = operations(live(INTERNAL), true);
        assertThat(worker).contains("getMatchingView", "listAffectedPersons", "getOutcomeEvidence", "putRecommendations",
                "putRecommendationsBatch");
        assertThat(partners).contains("getRecommendations", "listMeasures").doesNotContainAnyElementsOf(worker);
        JsonNode internal = live(INTERNAL).at("/components/schemas");
        JsonNode partner = live().at("/components/schemas");
        assertThat(internal.has("MatchingView") && !internal.has("PersonRequest")).as("the internal document holds its own types")
                .isTrue();
        assertThat(partner.has("MatchingView") || partner.has("RecommendationsBatchRequest"))
                .as("the partner document holds a worker's type").isFalse();
    }

    /** The operationIds of a document; each one's bearer roles are MATCHER alone exactly when workerOnly. */
    private static Set<String> operations(JsonNode document, boolean workerOnly) {
        Set<String> ids = new HashSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            List<String> roles = new ArrayList<>();
            op.getValue().at("/security/0/bearer").forEach(role -> roles.add(role.asText()));
            assertThat(roles.equals(List.of("MATCHER"))).as("%s: roles %s", op.getValue().path("operationId"), roles)
                    .isEqualTo(workerOnly);
            ids.add(op.getValue().path("operationId").asText());
        }));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", INTERNAL})
    void everyOperationHasAnIdASummaryAndProblemResponses(String served) throws Exception {
        List<String> missing = new ArrayList<>();
        live(served).get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
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

    /** Issue 12: what a generated client needs to be typed and exact. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/openapi", INTERNAL})
    void everyOperationIsTypedWithItsRealStatusesAndHeaders(String served) throws Exception {
        JsonNode doc = live(served);
        List<String> wrong = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey();
            JsonNode responses = op.getValue().path("responses");
            String where = method.toUpperCase() + " " + path.getKey();
            responses.properties().forEach(r -> {
                String status = r.getKey();
                if (status.startsWith("2") && !status.equals("204") && !r.getValue().has("content")) {
                    wrong.add(where + " " + status + " has no content");
                }
                r.getValue().path("content").properties().forEach(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) wrong.add(where + " " + status + " " + media.getKey() + " untyped");
                });
                // the 429 is the gateway's (rate limits are the deployment's), not an answer of this service
                if (!status.equals("429") && !r.getValue().path("headers").has("X-Request-Id")) {
                    wrong.add(where + " " + status + " without X-Request-Id");
                }
            });
            boolean ifMatchRequired = false;
            for (JsonNode parameter : op.getValue().path("parameters")) {
                if (parameter.path("name").asText().equals("If-Match")) ifMatchRequired = parameter.path("required").asBoolean();
            }
            if ((method.equals("put") || method.equals("delete")) && !path.getKey().contains("recommendations")) {
                if (!ifMatchRequired) wrong.add(where + " If-Match not required");
                if (!responses.has("412") || !responses.has("428")) wrong.add(where + " without 412/428");
            }
            if (method.equals("delete") && !responses.has("204")) wrong.add(where + " without 204");
            if (method.equals("post") && responses.has("201")) {
                if (responses.has("200")) wrong.add(where + " has 200 beside 201");
            }
            if (responses.has("201") && responses.get("201").path("headers").has("Location")
                    && !responses.get("201").path("headers").has("ETag")) {
                wrong.add(where + " 201 with Location but no ETag");
            }
            if (method.equals("get") && responses.path("200").path("headers").has("ETag") && !responses.has("304")) {
                wrong.add(where + " ETag without 304");
            }
            String ok = responses.path("200").path("content").path("application/json").path("schema").path("$ref").asText();
            if (ok.contains("PageResult") && !responses.get("200").path("headers").has("Link")) wrong.add(where + " page without Link");
        }));
        boolean partners = !served.equals(INTERNAL);
        for (String create : !partners ? List.<String>of() : List.of("/api/v1/organisations", "/api/v1/programmes", "/api/v1/measures", "/api/v1/persons",
                "/api/v1/enrolments", "/api/v1/outcomes")) {
            JsonNode created = doc.at("/paths/" + create.replace("/", "~1") + "/post/responses/201");
            if (!created.path("headers").has("Location") || !created.path("headers").has("ETag")) wrong.add("POST " + create + " 201 headers");
        }
        doc.get("components").get("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*\\d$") || name.equals("LocalDate") || name.equals("UUID") || name.equals("Instant")) {
                wrong.add("schema name " + name);
            }
        });
        // relative: true wherever the document is served (a deployment may name its https host, INCLUSION_OPENAPI_SERVER)
        assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("/");
        assertThat(doc.at("/components/securitySchemes/oidc/type").asText()).isEqualTo("openIdConnect");
        List<String> types = new ArrayList<>();
        doc.at("/components/schemas/Problem/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyElementsOf(java.util.Arrays.stream(
                org.inclusionmatch.profile.common.problem.ProblemType.values()).map(t -> t.uri().toString()).toList());
        if (partners) {
            assertThat(doc.at("/components/schemas/Organisation/required").size()).isEqualTo(8);
        }
        assertThat(wrong).isEmpty();
    }
}
