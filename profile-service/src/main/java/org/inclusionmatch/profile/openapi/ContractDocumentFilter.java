package org.inclusionmatch.profile.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one filter of the OpenAPI document: the steps below in this order, once, at start-up (the server comes from
 * runtime configuration). Each step reads what the steps before it wrote, so the order is part of the contract:
 * <ol>
 *   <li>{@link ProblemResponses}: the problem responses every operation can give;</li>
 *   <li>{@link HttpSemantics}: request ids, ETag/If-Match/304/412/428, Link, the problem catalogue, 409 examples,
 *       required and nullable properties of response records, the OpenID Connect scheme (needs the responses of 1);</li>
 *   <li>{@link ReferralMovesDescription}: the table of referral moves in the status-move operation;</li>
 *   <li>{@link PartnerDocument}: server, tag descriptions, the 429 and the CORS and RateLimit headers on every
 *       response (needs every response of 1 and 2);</li>
 *   <li>{@link SchemaBounds}: a bound on every string, integer and array still without one (last, so that the
 *       schemas, parameters and headers the steps before added are bounded too).</li>
 * </ol>
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ProblemResponses.apply(openAPI);
        HttpSemantics.apply(openAPI);
        ReferralMovesDescription.apply(openAPI);
        PartnerDocument.apply(openAPI);
        SchemaBounds.apply(openAPI);
    }
}
