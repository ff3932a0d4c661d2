package org.inclusionmatch.profile.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.inclusionmatch.profile.ContractDocuments;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request bodies in the docs are requests the API takes: every ```http block of docs/*.md (a method and path, header
 * lines, then the JSON body) names an operation of the committed OpenAPI documents (partners' or internal), carries the headers it requires, and
 * its body is valid against the operation's request schema with no field the schema does not name (the service would
 * ignore a misspelt field without a word, so a doc that drifted from a renamed field would still "work").
 */
class DocRequestBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTTP_BLOCK = Pattern.compile("(?ms)^```http\\n(.*?)^```");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z-]+):\\s*(.*)");

    @Test
    void everyDocumentedRequestIsAnOperationAndItsBodyFitsTheContract() throws Exception {
        JsonNode api = ContractDocuments.committed();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Path page : DocsLinksTest.pages()) {
            Matcher block = HTTP_BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                requests++;
                String where = DocsLinksTest.ROOT.relativize(page) + ": " + block.group(1).lines().findFirst().orElse("");
                problems.addAll(check(api, block.group(1)).stream().map(p -> where + ": " + p).toList());
            }
        }
        assertThat(requests).as("```http blocks in the docs").isGreaterThan(15);
        assertThat(problems).isEmpty();
    }

    /** The check itself: an unknown operation, a missing If-Match, a misspelt field and a wrong value are each found. */
    @Test
    void theCheckFindsWhatDrifted() throws Exception {
        JsonNode api = ContractDocuments.committed();
        assertThat(check(api, "POST /api/v1/persons/0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c/decisions\n"
                + "{\"measureId\": \"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a\", \"decision\": \"ACCEPT\"}\n")).isEmpty();
        assertThat(check(api, "POST /api/v1/nowhere\n{}\n")).singleElement().asString().contains("no operation");
        assertThat(check(api, "DELETE /api/v1/persons/0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c\n")).singleElement()
                .asString().contains("If-Match");
        assertThat(check(api, "POST /api/v1/persons/0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c/decisions\n"
                + "{\"measureId\": \"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a\", \"decision\": \"ACCEPT\", \"reason\": \"X\"}\n"))
                .singleElement().asString().contains("$.reason");
        assertThat(check(api, "POST /api/v1/persons/0b5e7c9a-1d2f-4e3a-8b6c-7d8e9f0a1b2c/decisions\n"
                + "{\"measureId\": \"4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a\", \"decision\": \"AGREE\"}\n")).isNotEmpty();
    }

    static List<String> check(JsonNode api, String block) throws Exception {
        List<String> lines = block.lines().toList();
        String[] request = lines.get(0).strip().split("\\s+");
        String method = request[0].toLowerCase(Locale.ROOT);
        String path = request[1].replaceAll("\\?.*$", "");
        Optional<Map.Entry<String, JsonNode>> template = operationPath(api, path);
        if (template.isEmpty() || !template.get().getValue().has(method)) {
            return List.of("no operation " + request[0] + " " + path + " in the committed OpenAPI documents");
        }
        JsonNode operation = template.get().getValue().get(method);
        List<String> headers = new ArrayList<>();
        int line = 1;
        for (; line < lines.size(); line++) {
            Matcher header = HEADER.matcher(lines.get(line));
            if (!header.matches()) break;
            headers.add(header.group(1).toLowerCase(Locale.ROOT));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()
                    && !headers.contains(parameter.path("name").asText().toLowerCase(Locale.ROOT))) {
                problems.add("no " + parameter.path("name").asText() + " header, which the operation requires");
            }
        }
        String body = String.join("\n", lines.subList(line, lines.size())).strip();
        if (body.isEmpty()) {
            if (operation.path("requestBody").path("required").asBoolean()) {
                problems.add("no body, which the operation requires");
            }
            return problems;
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of("a JSON body, which the operation does not take");
        }
        problems.addAll(validate(api, schema, JSON.readTree(body)));
        return problems;
    }

    /**
     * What is wrong with a value against a schema of the document (its $refs resolved in the document's components),
     * JSON Schema 2020-12 as OpenAPI 3.1 has it, plus every field the schema does not name. Also used for the
     * document's own request-body examples ({@link RequestBodyExamplesTest}).
     */
    static List<String> validate(JsonNode api, JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", api.get("components"));
        for (ValidationMessage message : JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(value)) {
            problems.add(message.getMessage());
        }
        unknownFields(api, schema, value, "$", problems);
        return problems;
    }

    /** The path of the document that names this concrete path; a literal segment beats a parameter (what-if, not {id}). */
    private static Optional<Map.Entry<String, JsonNode>> operationPath(JsonNode api, String path) {
        List<Map.Entry<String, JsonNode>> candidates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = api.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (path.matches(Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))) {
                candidates.add(entry);
            }
        }
        return candidates.stream().min(Comparator.comparingLong(e -> e.getKey().chars().filter(c -> c == '{').count()));
    }

    private static void unknownFields(JsonNode api, JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(api, schema);
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            value.fields().forEachRemaining(field -> {
                if (!properties.has(field.getKey())) {
                    problems.add(at + "." + field.getKey() + ": not a field of the request");
                } else {
                    unknownFields(api, properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), problems);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(api, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        while (schema.has("$ref") && !schema.has("properties") && !schema.has("items")) {
            schema = api.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }
}
