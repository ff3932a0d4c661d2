package org.inclusionmatch.profile.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Optimistic concurrency over HTTP: the entity version is the ETag; {@link ExpectedVersion} checks If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(etag(version)).build();
    }
}
