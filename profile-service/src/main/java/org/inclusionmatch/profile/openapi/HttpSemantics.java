package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.inclusionmatch.profile.common.http.RequestIds;
import org.inclusionmatch.profile.common.paging.PageLinks;
import org.inclusionmatch.profile.common.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP semantics of issue 12 in the document, operation by operation, from what each operation declares:
 * the request id (parameter and response header everywhere), {@code If-None-Match} and 304 where a 200 carries an
 * ETag, 412 and 428 where {@code If-Match} is a parameter (428 only where it is required), {@code Link} on paged
 * lists, the catalogue of problem types as the enum of {@code Problem.type}, {@code required} on the properties of
 * response records (Jackson writes every component, null or not), and an OpenID Connect security scheme beside
 * the bearer one. A step of {@link ContractDocumentFilter}.
 */
final class HttpSemantics {

    static final String PROBLEM = "application/problem+json";
    private static final String HEADERS = "#/components/headers/";
    private static final String PARAMETERS = "#/components/parameters/";

    private HttpSemantics() {
    }

    static void apply(OpenAPI openAPI) {
        addComponents(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                operation(entry.getKey(), entry.getValue());
            }
        });
        problemCatalogue(openAPI);
        ResponseRecords.markRequired(openAPI);
        oidc(openAPI);
    }

    private static void addComponents(OpenAPI openAPI) {
        var components = openAPI.getComponents();
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addHeader(RequestIds.HEADER, OASFactory.createHeader()
                .description("The request id: the X-Request-Id sent when it is 8-64 characters of letters, digits and . _ : -, "
                        + "else a new UUID. Quote it in a support call; problem bodies repeat it as requestId")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("3f2c1e9a-7d0b-4c55-9a43-1f6e2b8d0c7e"))));
        components.addHeader("ETag", OASFactory.createHeader()
                .description("The record's version as a strong entity tag (on a catalogue list, a digest of the page); send "
                        + "it back in If-Match to change the record, or in If-None-Match to get a 304 when it has not changed")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("\"3\""))));
        components.addHeader("Location", OASFactory.createHeader().description("The URL of the created record")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        components.addHeader(PageLinks.HEADER, OASFactory.createHeader()
                .description("RFC 8288 links to the first, previous, next and last pages (rel first, prev, next, last), "
                        + "path-absolute, with the request's filters; prev and next only where there is such a page")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of(
                        "</api/v1/measures?page=0&size=20>; rel=\"first\", </api/v1/measures?page=1&size=20>; rel=\"next\", "
                                + "</api/v1/measures?page=4&size=20>; rel=\"last\""))));
        components.addParameter(RequestIds.HEADER, OASFactory.createParameter().name(RequestIds.HEADER)
                .in(Parameter.In.HEADER).required(false)
                .description("Your id for this request (8-64 characters of letters, digits and . _ : -), echoed back; "
                        + "anything else is replaced by a new UUID")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[A-Za-z0-9._:-]{8,64}$")));
        components.addParameter("If-None-Match", OASFactory.createParameter().name("If-None-Match")
                .in(Parameter.In.HEADER).required(false)
                .description("ETags you hold; when one is current the answer is 304 without a body")
                .schema(string));
    }

    private static void operation(PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        operation.addParameter(OASFactory.createParameter().ref(PARAMETERS + RequestIds.HEADER));
        Parameter ifMatch = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(p -> "If-Match".equals(p.getName()) && p.getIn() == Parameter.In.HEADER).findFirst().orElse(null);
        if (ifMatch != null) {
            problem(responses.getAPIResponse("412") == null ? null : responses.getAPIResponse("412"), responses, "412",
                    "If-Match names another version than the current one (stale-version); nothing was changed");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                problem(null, responses, "428", "If-Match is missing (precondition-required); nothing was changed");
            }
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (method == PathItem.HttpMethod.GET && ok != null && ok.getHeaders() != null && ok.getHeaders().containsKey("ETag")) {
            operation.addParameter(OASFactory.createParameter().ref(PARAMETERS + "If-None-Match"));
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current ETag; no body")
                    .addHeader("ETag", OASFactory.createHeader().ref(HEADERS + "ETag")));
        }
        if (ok != null && ok.getContent() != null) {
            for (MediaType media : ok.getContent().getMediaTypes().values()) {
                if (media.getSchema() != null && media.getSchema().getRef() != null
                        && media.getSchema().getRef().startsWith("#/components/schemas/PageResult")) {
                    ok.addHeader(PageLinks.HEADER, OASFactory.createHeader().ref(HEADERS + PageLinks.HEADER));
                }
            }
        }
        APIResponse conflict = responses.getAPIResponse("409");
        if (conflict != null && conflict.getRef() == null) {
            conflicts(operation.getOperationId(), conflict);
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null) {
                response.addHeader(RequestIds.HEADER, OASFactory.createHeader().ref(HEADERS + RequestIds.HEADER));
                example(status, response);
            }
        });
        // sorted by status, as the rest of the document
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.keySet().forEach(responses::removeAPIResponse);
        sorted.forEach(responses::addAPIResponse);
    }

    /** The operation's 409: the conflicts its use case raises ({@link OperationConflicts}), each with an example. */
    private static void conflicts(String operationId, APIResponse response) {
        List<ProblemType> types = OperationConflicts.of(operationId);
        response.description(String.join("; ", types.stream().map(t -> "`" + t.slug() + "`: " + t.description()).toList()));
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        for (ProblemType type : types) {
            problem.addExample(type.slug(), OASFactory.createExample().summary(type.title()).value(exampleBody(type, 409)));
        }
        response.content(OASFactory.createContent().addMediaType(PROBLEM, problem));
    }

    private static Map<String, Object> exampleBody(ProblemType type, int status) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", type.description());
        example.put("requestId", "3f2c1e9a-7d0b-4c55-9a43-1f6e2b8d0c7e");
        return example;
    }

    /**
     * An example problem body on every problem response: of the type its description starts with ("date-in-future: ..."),
     * else of the type the status most often has.
     */
    private static void example(String status, APIResponse response) {
        MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(PROBLEM);
        if (problem == null || problem.getExample() != null || problem.getExamples() != null && !problem.getExamples().isEmpty()
                || !status.matches("\\d{3}")) {
            return;
        }
        int code = Integer.parseInt(status);
        String description = response.getDescription() == null ? "" : response.getDescription();
        ProblemType type = java.util.Arrays.stream(ProblemType.values())
                .filter(t -> t.status() == code && (description.startsWith(t.slug() + ":")
                        || description.startsWith("`" + t.slug() + "`:"))).findFirst().orElse(null);
        type = type != null ? type : switch (code) {
            case 400 -> ProblemType.VALIDATION;
            case 409 -> ProblemType.DUPLICATE_CODE;
            case 422 -> ProblemType.IDEMPOTENCY_KEY_REUSED;
            case 503 -> ProblemType.DATABASE_UNAVAILABLE;
            default -> ProblemType.ofHttpStatus(code);
        };
        problem.example(exampleBody(type, code));
    }

    private static void problem(APIResponse existing, org.eclipse.microprofile.openapi.models.responses.APIResponses responses,
                                String status, String description) {
        APIResponse response = existing != null ? existing : OASFactory.createAPIResponse();
        response.description(description).content(OASFactory.createContent().addMediaType(PROBLEM,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
        responses.addAPIResponse(status, response);
    }

    /** Problem.type lists every type of the catalogue, and the description has the table. */
    private static void problemCatalogue(OpenAPI openAPI) {
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        if (problem == null || problem.getProperties() == null) {
            return;
        }
        List<Object> uris = new ArrayList<>();
        StringBuilder table = new StringBuilder("RFC 9457 problem details. `type` is one of the catalogue below (stable: a "
                + "type is never renamed or given another meaning; new causes get new types):\n\n| type | status | title | cause |\n|---|---|---|---|\n");
        for (ProblemType type : ProblemType.values()) {
            uris.add(type.uri().toString());
            table.append("| ").append(type.uri()).append(" | ").append(type.status() == 0 ? "any" : type.status())
                    .append(" | ").append(type.title()).append(" | ").append(type.description()).append(" |\n");
        }
        problem.description(table.toString());
        Schema type = problem.getProperties().get("type");
        if (type != null) {
            type.enumeration(uris);
        }
        problem.required(List.of("type", "title", "status", "requestId"));
    }

    /** Tokens come from an OpenID Connect provider; the bearer scheme stays for clients that are given a token. */
    private static void oidc(OpenAPI openAPI) {
        openAPI.getComponents().addSecurityScheme("oidc", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .description("The deployment's OpenID Connect provider, the issuer of the tokens (this URL is the local "
                        + "development issuer's; a deployment names its own, and Swagger UI signs in there with authorization "
                        + "code and PKCE). Its access tokens are the bearer tokens of the bearer scheme, with the roles in the "
                        + "groups claim and the organisation (its id or code) in the org claim")
                .openIdConnectUrl(ConfigProvider.getConfig().getOptionalValue("inclusion.openapi.oidc-url", String.class)
                        .orElse("https://dev.inclusion-match.local/.well-known/openid-configuration")));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getSecurity() == null) {
                return;
            }
            List<SecurityRequirement> alternatives = new ArrayList<>(operation.getSecurity());
            // a token of the OpenID Connect provider; no scopes: for openIdConnect the list names scopes (OAS 3.1,
            // Security Requirement Object), and the roles are not scopes but the groups claim, listed under bearer
            alternatives.stream().filter(r -> r.hasScheme("bearer")).findFirst().ifPresent(bearer -> {
                if (alternatives.stream().noneMatch(r -> r.hasScheme("oidc"))) {
                    alternatives.add(OASFactory.createSecurityRequirement().addScheme("oidc", List.of()));
                    operation.setSecurity(alternatives);
                }
            });
        }));
    }
}
