package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ETag of a person's recommendations. The answer shows the stored lists and the measures they name as they are
 * now (a title, a programme, places left), and no single version changes with all of it: the tag is the lists'
 * version and a digest of the whole answer, so an {@code If-None-Match} from before a measure changed gets the new
 * body, and the same answer always gets the same tag. The language filter adds the answer's language to it.
 */
final class RecommendationTags {

    private RecommendationTags() {
    }

    /**
     * Seconds to wait before reading again while a result is awaited (PENDING, OUTDATED): the worker usually stores
     * one within a second or two of the change; a client that can listen for RECOMMENDATIONS_UPDATED need not poll.
     */
    static final int RETRY_AFTER_SECONDS = 5;

    /** The answer with its tag, and {@code Retry-After} while a result is awaited. */
    static RestResponse<RecommendationsView> ok(ObjectMapper json, RecommendationsView view) {
        RestResponse.ResponseBuilder<RecommendationsView> answer = RestResponse.ResponseBuilder.ok(view).tag(tag(json, view));
        if (view.status().awaited()) {
            answer.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    static EntityTag tag(ObjectMapper json, RecommendationsView view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(view));
            return new EntityTag(view.version() + "-" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag recommendations", e);
        }
    }
}
