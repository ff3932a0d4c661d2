package org.inclusionmatch.profile.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code If-None-Match} on a GET: when the answer would be a 200 whose {@code ETag} is among the tags sent (weak
 * comparison, RFC 9110 13.1.2) or the tag is {@code *}, it is a 304 with that {@code ETag} and no body. The read
 * itself happened (and was audited as a read); only the body is not sent again.
 */
public class ConditionalRequests {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || response.getStatus() != 200
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (etag == null) {
            return;
        }
        String current = etag instanceof EntityTag tag ? tag.getValue() : opaque(etag.toString());
        if (matches(ifNoneMatch, current)) {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(304);
        }
    }

    /** True when {@code ifNoneMatch} is {@code *} or lists {@code current} as a strong or weak tag. */
    static boolean matches(String ifNoneMatch, String current) {
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            if (opaque(tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String value = tag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return "\u0000" + value; // not a quoted tag: matches nothing
    }
}
