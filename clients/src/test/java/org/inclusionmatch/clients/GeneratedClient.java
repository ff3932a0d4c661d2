package org.inclusionmatch.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inclusionmatch.client.ApiClient;
import org.inclusionmatch.client.ApiException;
import org.inclusionmatch.client.ApiResponse;

import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpClient;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the generated Java client (org.inclusionmatch.client, generated in this module's build from the committed
 * document) by operationId, so that this test compiles against whatever the committed document is: a partner's
 * code names the generated methods and models directly; this finds the same method ({@code <operationId>WithHttpInfo}
 * in the generated API class of its tag), passes arguments by the generated parameter names (the module compiles
 * with -parameters) and turns a body given as a map into the generated request model with the client's own
 * ObjectMapper. Nothing of the generated code is changed or wrapped.
 */
final class GeneratedClient {

    static final String MODEL_PACKAGE = "org.inclusionmatch.client.model";
    static final Path DOCUMENT = Path.of("../contracts/src/main/openapi/profile-service.json");

    final ApiClient client;
    final ObjectMapper mapper;
    private final JsonNode document;

    GeneratedClient(String baseUri, String token) throws Exception {
        client = new ApiClient();
        // HTTP/1.1: java.net.http's default on plain http is an h2c upgrade, which Prism's proxy hands on to the
        // service and then waits on forever (over https a partner's client negotiates HTTP/2 by ALPN instead)
        client.setHttpClientBuilder(ApiClient.createDefaultHttpClientBuilder().version(HttpClient.Version.HTTP_1_1));
        client.setReadTimeout(java.time.Duration.ofSeconds(60)); // a hung call fails the test instead of the build waiting
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        mapper = client.getObjectMapper();
        document = mapper.readTree(Files.readString(DOCUMENT));
    }

    /** The generated method for the operation, {@code <operationId>WithHttpInfo} without the extra-headers variant. */
    static Method method(String operationId) {
        List<Method> found = generatedApis().stream()
                .flatMap(api -> Arrays.stream(api.getMethods()))
                .filter(m -> m.getName().equals(operationId + "WithHttpInfo"))
                .filter(m -> m.getParameterCount() == 0 || m.getParameterTypes()[m.getParameterCount() - 1] != Map.class)
                .sorted(Comparator.comparingInt(Method::getParameterCount))
                .toList();
        if (found.isEmpty()) {
            throw new AssertionError("the generated client has no operation " + operationId);
        }
        return found.get(0);
    }

    /** The generated API classes: one per tag of the committed document ("Allocation rounds" is AllocationRoundsApi). */
    private static List<Class<?>> generatedApis() {
        List<String> tags = new java.util.ArrayList<>();
        try {
            new ObjectMapper().readTree(DOCUMENT.toFile()).path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return tags.stream().<Class<?>>mapMulti((tag, out) -> {
            StringBuilder name = new StringBuilder();
            for (String word : tag.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            try {
                out.accept(Class.forName("org.inclusionmatch.client.api." + name + "Api"));
            } catch (ClassNotFoundException notGenerated) {
                // a tag no operation uses has no class
            }
        }).toList();
    }

    /** The type the generated method returns as data: ApiResponse&lt;T&gt;'s T. */
    static Type dataType(String operationId) {
        Type returned = method(operationId).getGenericReturnType();
        return returned instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    /** Whether the generated client returns a generated model (or a list of them) for the operation. */
    static boolean typed(String operationId) {
        Type type = dataType(operationId);
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            type = p.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c && c.getPackageName().equals(MODEL_PACKAGE);
    }

    /**
     * Calls the operation. Arguments are by the generated parameter names (path, query and header parameters);
     * "body" is the request body, as a map or a generated model.
     */
    ApiResponse<?> call(String operationId, Map<String, ?> arguments) throws ApiException {
        Method method = method(operationId);
        Object[] values = new Object[method.getParameterCount()];
        var parameters = method.getParameters();
        for (int i = 0; i < values.length; i++) {
            String name = parameters[i].getName();
            Class<?> type = parameters[i].getType();
            Object value = arguments.get(name);
            if (value == null && type.getPackageName().equals(MODEL_PACKAGE) && !type.isEnum()) {
                value = arguments.get("body");
            }
            if (value != null && !type.isInstance(value)) {
                value = type == UUID.class ? UUID.fromString(value.toString()) : mapper.convertValue(value, type);
            }
            values[i] = value;
        }
        try {
            return (ApiResponse<?>) method.invoke(apiFor(method), values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException(operationId + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object apiFor(Method method) {
        try {
            return method.getDeclaringClass().getConstructor(ApiClient.class).newInstance(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A result as JSON, to read values out of whatever type the client returned. */
    JsonNode json(Object data) {
        return mapper.valueToTree(data);
    }

    /**
     * The generated model the document names for an error response of the operation (the schema of its
     * application/problem+json content), so a partner can read the problem as a typed object.
     */
    Class<?> problemModel(String operationId, int status) throws ClassNotFoundException {
        for (JsonNode path : iterable(document.path("paths"))) {
            for (JsonNode operation : iterable(path)) {
                if (operationId.equals(operation.path("operationId").asText())) {
                    String ref = operation.path("responses").path(String.valueOf(status)).path("content")
                            .path("application/problem+json").path("schema").path("$ref").asText();
                    if (ref.isEmpty()) {
                        throw new AssertionError(operationId + " declares no application/problem+json schema for " + status);
                    }
                    return Class.forName(MODEL_PACKAGE + "." + ref.substring(ref.lastIndexOf('/') + 1));
                }
            }
        }
        throw new AssertionError("no operation " + operationId + " in the document");
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
