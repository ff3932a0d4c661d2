package org.inclusionmatch.profile.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A {@code Content-Type} on a request without a body describes nothing. Some clients send one on every request
 * (a default header); without this, a GET to a resource class that {@code @Consumes} JSON would be a 415.
 */
public class BodilessRequests {

    private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public void ignoreContentTypeWithoutBody(ContainerRequestContext request) {
        if (METHODS_WITHOUT_BODY.contains(request.getMethod()) && !hasBody(request)) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || (length != null && !length.isBlank() && !length.trim().equals("0"));
    }
}
