package org.inclusionmatch.profile.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Optimistic concurrency over HTTP: the entity version is the ETag, and If-Match must name the current one. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 unless If-Match is absent, {@code *}, or names {@code currentVersion} (weak tags accepted). */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = Long.toString(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(expected)) {
                return;
            }
        }
        throw ApiException.staleVersion(currentVersion, ifMatch);
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(etag(version)).build();
    }
}
