package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's whole surface as one OpenAPI document, for the tests that cover every operation (the fuzzer, the docs'
 * requests, Prism): the partner document with the internal one's paths and components added. The two documents share
 * the same components where they overlap, so the union is what the service serves.
 */
public final class ContractDocuments {

    public static final Path PARTNERS = Path.of("../contracts/src/main/openapi/profile-service.json");
    public static final Path INTERNAL = Path.of("../contracts/src/main/openapi/profile-service-internal.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractDocuments() {
    }

    /** The two committed documents merged. */
    public static JsonNode committed() throws IOException {
        return merge(JSON.readTree(PARTNERS.toFile()), JSON.readTree(INTERNAL.toFile()));
    }

    /** The partner document with the internal one's operations and components added (the partner's copy wins). */
    public static JsonNode merge(JsonNode partners, JsonNode internal) {
        ObjectNode merged = partners.deepCopy();
        ObjectNode paths = (ObjectNode) merged.get("paths");
        internal.get("paths").properties().forEach(path -> {
            if (!paths.has(path.getKey())) {
                paths.set(path.getKey(), path.getValue().deepCopy());
            } else {
                ObjectNode item = (ObjectNode) paths.get(path.getKey());
                path.getValue().properties().forEach(op -> {
                    if (!item.has(op.getKey())) {
                        item.set(op.getKey(), op.getValue().deepCopy());
                    }
                });
            }
        });
        ObjectNode components = (ObjectNode) merged.get("components");
        for (String section : List.of("schemas", "headers", "parameters", "securitySchemes")) {
            JsonNode theirs = internal.path("components").path(section);
            if (!theirs.isObject()) {
                continue;
            }
            ObjectNode ours = components.has(section) ? (ObjectNode) components.get(section) : components.putObject(section);
            theirs.properties().forEach(entry -> {
                if (!ours.has(entry.getKey())) {
                    ours.set(entry.getKey(), entry.getValue().deepCopy());
                }
            });
        }
        return merged;
    }
}
