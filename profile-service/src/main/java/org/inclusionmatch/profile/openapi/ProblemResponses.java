package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the problem responses every operation can give, so generated clients know the error shape
 * without each resource method repeating the same annotations. A step of {@link ContractDocumentFilter}.
 */
final class ProblemResponses {

    private static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addProblemSchema(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean byId = path.contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                APIResponses responses = entry.getValue().getResponses();
                if (responses == null) {
                    continue;
                }
                add(responses, "400", "Invalid input, or a query parameter the operation does not take: see detail and violations");
                add(responses, "401", "No valid bearer token (with a WWW-Authenticate challenge)");
                add(responses, "403", "The caller's role may not do this");
                if (entry.getValue().getRequestBody() != null) {
                    add(responses, "413", "The body is larger than the server accepts");
                    add(responses, "415", "The body is not application/json");
                }
                // an error response a resource declares with a description only (a 422 of its own, say) is a problem too
                for (String status : responses.getAPIResponses() == null ? List.<String>of()
                        : List.copyOf(responses.getAPIResponses().keySet())) {
                    APIResponse declared = responses.getAPIResponse(status);
                    if (status.startsWith("4") && declared.getRef() == null && declared.getContent() == null) {
                        add(responses, status, declared.getDescription());
                    }
                }
                add(responses, "500", "Unexpected error, with a reference to quote");
                add(responses, "503", "The database is unavailable for now: retry after the Retry-After seconds");
                if (byId) {
                    add(responses, "404", "No such record");
                }
                switch (entry.getKey()) {
                    case POST -> {
                        add(responses, "409", "A record with this code exists already, or the request conflicts with stored data");
                        add(responses, "422", "The Idempotency-Key was used before with a different body");
                    }
                    case PUT -> {
                        add(responses, "409", "Another record already uses this code");
                        add(responses, "412", "If-Match names an older version");
                    }
                    case DELETE -> {
                        add(responses, "409", "Other records still refer to this one");
                        add(responses, "412", "If-Match names an older version");
                    }
                    default -> {
                    }
                }
            }
        });
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() != null && openAPI.getComponents().getSchemas().containsKey("Problem")) {
            return;
        }
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("capacity")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("must be greater than or equal to 0")));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("Invalid request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("capacity must be greater than or equal to 0")))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .required(List.of("type", "title", "status"));
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static void add(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().hasMediaType(PROBLEM)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(existing != null && existing.getDescription() != null ? existing.getDescription() : description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
        responses.addAPIResponse(status, response);
    }
}
