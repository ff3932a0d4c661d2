package org.inclusionmatch.profile.common.validation;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * The query-parameter side of {@link JsonInputRules}: a filter value with NUL (such as {@code ?code=%00}) can match
 * nothing PostgreSQL stores, and PostgreSQL refuses it as a parameter; a 400 naming the parameter instead.
 */
public class NoNulQueryParameters {

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (JsonInputRules.hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(JsonInputRules::hasNul)) {
                throw InvalidInput.field(parameter.getKey().replace('\u0000', '?'), JsonInputRules.NO_NUL);
            }
        }
    }
}
