package org.inclusionmatch.profile.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ETags of views whose content follows more than one record, so that an {@code If-None-Match} from before a change
 * is answered with the new body, not a 304. A referral view shows the enrolment, profile fields and what the active
 * consents release, and no single version changes with all of it: its tag is a digest of the body. A consent's
 * status follows its referral: its tag is its version (what If-Match on a withdrawal names) while it is ACTIVE, and
 * the version with the status once it has ended.
 */
final class ViewTags {

    private ViewTags() {
    }

    static <T> RestResponse<T> ok(ObjectMapper json, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(tag(json, body)).build();
    }

    static RestResponse<ConsentView> created(java.net.URI location, ConsentView view) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, view).location(location).tag(tag(view)).build();
    }

    static RestResponse<ConsentView> consent(ConsentView view) {
        return RestResponse.ResponseBuilder.ok(view).tag(tag(view)).build();
    }

    static EntityTag tag(ConsentView view) {
        return new EntityTag(view.status() == ConsentStatus.ACTIVE ? Long.toString(view.version()) : view.version() + "-" + view.status());
    }

    static EntityTag tag(ObjectMapper json, Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 12));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag a view", e);
        }
    }
}
