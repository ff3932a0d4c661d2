package org.inclusionmatch.profile.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one filter of each OpenAPI document: the steps below in this order, once, at start-up (the server comes from
 * runtime configuration). Each step reads what the steps before it wrote, so the order is part of the contract:
 * <ol>
 *   <li>{@link DocumentAudience}: the document's own operations (partners', or the worker's);</li>
 *   <li>{@link ProblemResponses}: the problem responses every operation can give;</li>
 *   <li>{@link HttpSemantics}: request ids, ETag/If-Match/304/412/428, Link, the problem catalogue, 409 examples,
 *       required and nullable properties of response records, the OpenID Connect scheme (needs the responses of 2);</li>
 *   <li>{@link ReferralMovesDescription}: the table of referral moves in the status-move operation;</li>
 *   <li>{@link PartnerDocument}: server, tag descriptions, the 429 and the CORS and RateLimit headers on every
 *       response (needs every response of 2 and 3); the internal document's servers marked x-internal;</li>
 *   <li>{@link SchemaBounds}: a bound on every string, integer and array still without one (after the steps that add
 *       schemas, parameters and headers; before 7, since a response record takes the bounds of the request schema it
 *       was written through, which the internal document does not hold);</li>
 *   <li>{@link UnusedComponents}: the schemas, headers, parameters and tags no operation of the document uses are
 *       dropped.</li>
 * </ol>
 * Quarkus builds two documents from the same scan (application.properties: the default one and "internal"); each has
 * its own registered filter below, which differ only in the audience. (Each names OASFilter itself: Quarkus registers
 * only classes that list it among their own interfaces.)
 */
public abstract class ContractDocumentFilter implements OASFilter {

    /** The internal document's name (quarkus.smallrye-openapi.internal.*), served at /q/openapi-internal. */
    public static final String INTERNAL = "internal";

    abstract DocumentAudience audience();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        audience().keepItsOperations(openAPI);
        ProblemResponses.apply(openAPI);
        HttpSemantics.apply(openAPI);
        ReferralMovesDescription.apply(openAPI);
        PartnerDocument.apply(openAPI);
        audience().markServers(openAPI);
        SchemaBounds.apply(openAPI);
        UnusedComponents.prune(openAPI);
    }

    /** The partner document: /q/openapi, contracts/src/main/openapi/profile-service.json. */
    @OpenApiFilter(value = OpenApiFilter.RunStage.RUNTIME_STARTUP, documentNames = OpenApiFilter.DEFAULT_DOCUMENT_NAME)
    public static class Partners extends ContractDocumentFilter implements OASFilter {
        @Override
        DocumentAudience audience() {
            return DocumentAudience.PARTNERS;
        }
    }

    /** The worker's document: /q/openapi-internal, contracts/src/main/openapi/profile-service-internal.json. */
    @OpenApiFilter(value = OpenApiFilter.RunStage.RUNTIME_STARTUP, documentNames = INTERNAL)
    public static class Worker extends ContractDocumentFilter implements OASFilter {
        @Override
        DocumentAudience audience() {
            return DocumentAudience.WORKER;
        }
    }
}
