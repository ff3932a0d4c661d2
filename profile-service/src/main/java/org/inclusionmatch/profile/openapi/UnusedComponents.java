package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the schemas, headers, parameters and tags no operation of the document uses: each document holds its own operations' types only
 * (the partner document no worker's record, the internal one no partner's), so a generated client has no dead models.
 */
final class UnusedComponents {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final String PARAMETERS = "#/components/parameters/";

    private UnusedComponents() {
    }

    static void prune(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>();
        Set<String> used = new HashSet<>();
        Set<String> tags = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getTags() != null) {
                tags.addAll(operation.getTags());
            }
            collect(operation, pending);
        }));
        var components = openAPI.getComponents();
        // the headers and parameters the operations name, and what their schemas use
        Set<String> refs = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> refs.add(p.getRef()));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(h -> refs.add(h.getRef()));
                    }
                });
            }
        }));
        if (components.getHeaders() != null) {
            components.getHeaders().keySet().stream().filter(name -> !refs.contains(HEADERS + name)).toList()
                    .forEach(components::removeHeader);
            components.getHeaders().values().forEach(h -> collect(h, pending));
        }
        if (components.getParameters() != null) {
            components.getParameters().keySet().stream().filter(name -> !refs.contains(PARAMETERS + name)).toList()
                    .forEach(components::removeParameter);
            components.getParameters().values().forEach(p -> collect(p, pending));
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (used.add(name) && schemas.get(name) != null) {
                    pending.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> choices : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (choices != null) {
                    pending.addAll(choices);
                }
            }
            if (schema.getNot() != null) {
                pending.push(schema.getNot());
            }
        }
        schemas.keySet().stream().filter(name -> !used.contains(name)).toList().forEach(components::removeSchema);
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().filter(tag -> tags.contains(tag.getName())).toList());
        }
    }

    private static void collect(Operation operation, Deque<Schema> pending) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> collect(p, pending));
        }
        if (operation.getRequestBody() != null) {
            collect(operation.getRequestBody().getContent(), pending);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                collect(response.getContent(), pending);
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(h -> collect(h, pending));
                }
            });
        }
    }

    private static void collect(Parameter parameter, Deque<Schema> pending) {
        if (parameter.getSchema() != null) {
            pending.push(parameter.getSchema());
        }
        collect(parameter.getContent(), pending);
    }

    private static void collect(Header header, Deque<Schema> pending) {
        if (header.getSchema() != null) {
            pending.push(header.getSchema());
        }
        collect(header.getContent(), pending);
    }

    private static void collect(Content content, Deque<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null) {
                    pending.push(media.getSchema());
                }
            });
        }
    }
}
