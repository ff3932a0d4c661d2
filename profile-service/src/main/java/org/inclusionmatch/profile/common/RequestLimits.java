package org.inclusionmatch.profile.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is a 413 problem. Quarkus refuses it
 * itself (a route of order -2) but with an empty body; this route runs just before it and answers the same
 * refusal, with the connection closed as Quarkus does, since the client may still be sending.
 */
@ApplicationScoped
public class RequestLimits {

    private final Optional<MemorySize> maxBodySize;
    private final String tooLarge;

    public RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                         ObjectMapper json) throws JsonProcessingException {
        this.maxBodySize = maxBodySize;
        this.tooLarge = json.writeValueAsString(Problem.of("payload-too-large", "Payload too large", 413,
                "The request body is larger than " + maxBodySize.map(MemorySize::asLongValue).orElse(0L) + " bytes"));
    }

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(-3).handler(context -> refuseIfTooLarge(context, limit));
    }

    private void refuseIfTooLarge(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            announced = -1; // the HTTP codec itself refuses a malformed length
        }
        if (announced <= limit) {
            context.next();
            return;
        }
        context.response().endHandler(done -> context.request().connection().close());
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(tooLarge);
    }
}
