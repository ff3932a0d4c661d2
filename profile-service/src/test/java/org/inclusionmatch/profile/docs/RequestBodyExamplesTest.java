package org.inclusionmatch.profile.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.profile.ContractDocuments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner developer reads first in the committed OpenAPI document holds: every operation has a description
 * that names the roles its security requirement lets in ("Roles: ADMIN, CASEWORKER." or "Roles: any role."),
 * and every request body has a whole example for each of its media types that is valid against the body's schema,
 * with no field the schema does not name (the same check {@link DocRequestBodiesTest} makes of the docs' bodies).
 * Generated clients and Swagger UI show these examples as the body to send, so a wrong one misleads every partner.
 */
class RequestBodyExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch");
    private static final String NDJSON = "application/x-ndjson";

    @Test
    void everyOperationIsDescribedAndEveryRequestBodyHasAnExampleThatFitsItsSchema() throws Exception {
        JsonNode api = ContractDocuments.committed();

        assertThat(problems(api)).as("operations and request bodies of the committed documents").isEmpty();
        assertThat(count(api, "operations")).as("operations in the document").isGreaterThan(60);
        assertThat(count(api, "requestBodies")).as("request bodies in the document").isGreaterThan(20);
    }

    /** The check itself: a wrong, a missing and a partial example, a missing description and wrong roles are found. */
    @Test
    void theCheckFindsAWrongExampleAndAMissingDescription() throws Exception {
        JsonNode api = ContractDocuments.committed();
        ObjectNode createPerson = (ObjectNode) api.at("/paths/~1api~1v1~1persons/post");
        ObjectNode example = (ObjectNode) createPerson.at("/requestBody/content/application~1json/example");
        example.put("birthYear", "nineteen sixty-nine");
        example.put("nickname", "Jānis");
        assertThat(problems(api)).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("createPerson application/json:"))
                .anySatisfy(p -> assertThat(p).contains("$.birthYear"))
                .anySatisfy(p -> assertThat(p).contains("$.nickname").contains("not a field"));

        api = ContractDocuments.committed();
        ((ObjectNode) api.at("/paths/~1api~1v1~1measures/post/requestBody/content/application~1json")).remove("example");
        ((ObjectNode) api.at("/paths/~1api~1v1~1organisations/post/requestBody/content/application~1json/example")).remove("kind");
        ((ObjectNode) api.at("/paths/~1api~1v1~1programmes/get")).remove("description");
        ObjectNode putRecommendations = (ObjectNode) api.at("/paths/~1api~1v1~1persons~1{id}~1recommendations/put");
        putRecommendations.put("description", putRecommendations.get("description").asText().replace("MATCHER", "ADMIN"));
        assertThat(problems(api)).containsExactlyInAnyOrder(
                "createMeasure application/json: no example",
                "createOrganisation application/json: $: required property 'kind' not found",
                "listProgrammes: no description",
                "putRecommendations: the description does not say \"Roles: MATCHER.\"");
    }

    /** Everything wrong, one line each, named by operationId (and media type for bodies). */
    static List<String> problems(JsonNode api) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode operation : operations(api)) {
            String id = operation.path("operationId").asText();
            String description = operation.path("description").asText("").strip();
            if (description.isEmpty()) {
                problems.add(id + ": no description");
            } else if (!description.contains(rolesSentence(operation))) {
                problems.add(id + ": the description does not say \"" + rolesSentence(operation) + "\"");
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = operation.path("requestBody").path("content").fields(); media.hasNext(); ) {
                Map.Entry<String, JsonNode> content = media.next();
                String where = id + " " + content.getKey() + ": ";
                JsonNode example = example(content.getValue());
                if (example == null) {
                    problems.add(where + "no example");
                    continue;
                }
                // NDJSON: each line is one body of the schema
                List<JsonNode> bodies = new ArrayList<>();
                if (content.getKey().equals(NDJSON) && example.isTextual()) {
                    for (String line : example.asText().lines().filter(l -> !l.isBlank()).toList()) {
                        bodies.add(JSON.readTree(line));
                    }
                } else {
                    bodies.add(example);
                }
                for (JsonNode body : bodies) {
                    DocRequestBodiesTest.validate(api, content.getValue().path("schema"), body)
                            .forEach(problem -> problems.add(where + problem));
                }
            }
        }
        return problems;
    }

    /** The sentence the description names the roles with, from the operation's security requirement (no scopes: any token). */
    static String rolesSentence(JsonNode operation) {
        List<String> roles = new ArrayList<>();
        operation.path("security").path(0).elements().forEachRemaining(scopes -> scopes.forEach(r -> roles.add(r.asText())));
        return roles.isEmpty() ? "Roles: any role." : "Roles: " + String.join(", ", roles) + ".";
    }

    private static JsonNode example(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return mediaType.get("example");
        }
        Iterator<JsonNode> named = mediaType.path("examples").elements();
        return named.hasNext() ? named.next().path("value") : null;
    }

    private static List<JsonNode> operations(JsonNode api) {
        List<JsonNode> operations = new ArrayList<>();
        api.path("paths").forEach(path -> path.fields().forEachRemaining(entry -> {
            if (VERBS.contains(entry.getKey())) {
                operations.add(entry.getValue());
            }
        }));
        return operations;
    }

    private static long count(JsonNode api, String what) {
        return operations(api).stream().filter(o -> what.equals("operations") || o.has("requestBody")).count();
    }
}
