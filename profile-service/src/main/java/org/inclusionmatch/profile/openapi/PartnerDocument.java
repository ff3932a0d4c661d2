package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.Map;

/**
 * What the document says about itself rather than about one operation, for partners and the lint gates
 * (contracts/.spectral.yaml, contracts/redocly.yaml): the server, the tags' descriptions, the 429 that a
 * deployment's gateway answers when a client sends too much, and the CORS header on every response (its value
 * comes from the deployment's allow-list), the rate limit's 429 and RateLimit header fields (ratelimit.RateLimitFilters).
 * Only fills what is missing, so an annotation on a resource always wins. A step of {@link ContractDocumentFilter},
 * after the problem responses, so that every response gets the CORS header.
 */
final class PartnerDocument {

    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("Allocation rounds", "Scarce places assigned exactly, beside first come first served, with fairness"),
            Map.entry("Audit", "Who read or changed person data, when and why (AUDITOR)"),
            Map.entry("Catalogue", "Bulk import of organisations, programmes and measures by code"),
            Map.entry("Enrolments", "Referrals to a measure: a place if one is free, else the waitlist, and their status"),
            Map.entry("Matching", "Matching views and the batch store, for the matching worker"),
            Map.entry("Measures", "Support measures: mentoring, grants, training, placements and more"),
            Map.entry("Open data", "The public catalogue as Open Referral HSDS 3.1"),
            Map.entry("Organisations", "Social enterprises, NGOs, municipalities, agencies and funders"),
            Map.entry("Outcomes", "Whether a person was included in work or education, with a 6-month follow-up"),
            Map.entry("Persons", "Person profiles of an organisation: needs, goals, target groups, legal basis"),
            Map.entry("Programmes", "Funded programmes: period, capacity, regions and eligibility rule"),
            Map.entry("Recommendations", "Recommended measures with their reasons, and the case worker's decisions"),
            Map.entry("Referrals", "A referral as its provider sees it, and the person's consent to share with the provider"),
            Map.entry("Reports", "Inclusion rates per programme and region, with disclosure control"),
            Map.entry("Safety", "Keep-apart constraints between persons, seen only by the organisation that records them"),
            Map.entry("Vocabulary", "The code lists with Latvian and English labels"),
            Map.entry("Webhooks", "Signed callbacks (Standard Webhooks) of what concerns your organisation, with retries and a delivery log"));

    private PartnerDocument() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            // Relative unless the deployment names its own (INCLUSION_OPENAPI_SERVER); generated clients take the host
            // as a setting anyway.
            openAPI.addServer(OASFactory.createServer().url(ConfigProvider.getConfig()
                    .getOptionalValue("inclusion.openapi.server", String.class).orElse("/")));
        }
        for (Server server : openAPI.getServers()) {
            // Who a server is for, and which environment it is (OWASP API9:2023, inventory)
            if (server.getExtensions() == null || !server.getExtensions().containsKey("x-internal")) {
                server.addExtension("x-internal", false);
            }
            if (server.getDescription() == null) {
                boolean relative = server.getUrl() != null && server.getUrl().startsWith("/");
                server.setDescription(relative
                        ? "The host this document was fetched from (the local run: http://localhost:8080); give your "
                                + "deployment's https host to a generated client"
                        : "A production deployment");
            }
        }
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                if (tag.getDescription() == null && TAGS.containsKey(tag.getName())) {
                    tag.setDescription(TAGS.get(tag.getName()));
                }
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addHeader(CORS_HEADER, OASFactory.createHeader()
                    .description("The caller's Origin when it is on the deployment's CORS allow-list "
                            + "(INCLUSION_CORS_ORIGINS); absent otherwise")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2048)));
            openAPI.getComponents().addHeader(RATE_LIMIT, OASFactory.createHeader()
                    .description("What is left of the client's limit (IETF httpapi RateLimit fields): r requests, "
                            + "restored in full after t seconds, e.g. \"client\";r=150;t=1")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(256)));
            openAPI.getComponents().addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader()
                    .description("The client's limit: q requests at once, restored over w seconds, e.g. \"client\";q=200;w=2")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(256)));
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                addTooManyRequests(operation);
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((status, response) -> {
                        if (response.getRef() != null) {
                            return;
                        }
                        addHeaderRef(response, CORS_HEADER);
                        // every API answer that passed the rate limit, or was refused by it, says what is left
                        if (status.startsWith("2") || status.startsWith("4")) {
                            addHeaderRef(response, RATE_LIMIT);
                            addHeaderRef(response, RATE_LIMIT_POLICY);
                        }
                    });
                }
            }));
        }
    }

    // Named as the header itself: Spectral's define-cors-origin rule reads components.headers as one more headers map.
    static final String CORS_HEADER = "Access-Control-Allow-Origin";
    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    private static void addHeaderRef(org.eclipse.microprofile.openapi.models.responses.APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    private static void addTooManyRequests(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.hasAPIResponse("429")) {
            return;
        }
        Header retryAfter = OASFactory.createHeader().description("Seconds to wait before sending again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.valueOf(86400)));
        responses.addAPIResponse("429", OASFactory.createAPIResponse()
                .description("`rate-limited`: the client sent more than its limit (per client and organisation); "
                        + "send again after Retry-After seconds")
                .addHeader("Retry-After", retryAfter)
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
    }
}
