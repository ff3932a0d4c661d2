package org.inclusionmatch.profile.common.http;

import jakarta.ws.rs.core.EntityTag;
import org.inclusionmatch.profile.domain.PreconditionRequired;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * Optimistic concurrency over HTTP: the entity version is the ETag; {@link ExpectedVersion} checks If-Match, and
 * {@link #requireIfMatch} makes it required on the API's updates and deletes (428 without it).
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(version)).build();
    }

    public static <T> RestResponse<T> created(URI location, T body, long version) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, body).location(location)
                .tag(etag(version)).build();
    }

    public static RestResponse<Void> noContent() {
        return RestResponse.noContent();
    }

    /**
     * The If-Match of an update or delete, which a client must send: the ETag it read, or {@code *} to say it
     * means to overwrite whatever is current. Without it, two clients could overwrite each other unseen.
     */
    public static String requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("If-Match is required: send the ETag of the version you read (or * to "
                    + "overwrite whatever is current)");
        }
        return ifMatch;
    }
}
