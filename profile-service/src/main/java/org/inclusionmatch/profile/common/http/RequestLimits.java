package org.inclusionmatch.profile.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemType;

import java.util.Optional;
import java.util.Set;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is a 413 problem. Quarkus refuses it
 * itself (a route of order -2) but with an empty body; this route runs just before it and answers the same
 * refusal, with the connection closed as Quarkus does, since the client may still be sending.
 * <p>
 * Endpoints that read their body as a stream, line by line, and set limits of their own
 * ({@code inclusion.http.streamed-paths}: the person import) are exempt: Quarkus' route would refuse a body over the
 * size by its announced length, or stop reading an unannounced one at that size. The announced length is held back
 * while that route runs, then put back, and the size Quarkus' stream would enforce is taken off.
 */
@ApplicationScoped
public class RequestLimits {

    /** Where Quarkus puts the size its body stream enforces when no length was announced. */
    private static final String QUARKUS_STREAM_LIMIT = "io.quarkus.max-request-size";
    private static final String HELD_LENGTH = "inclusion.held-content-length";
    private static final long LINGER_MILLIS = 5_000;
    private static final long LINGER_FACTOR = 16;

    private final Optional<MemorySize> maxBodySize;
    private final Set<String> streamedPaths;
    private final Problem tooLarge;
    private final ObjectMapper json;

    public RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                         @ConfigProperty(name = "inclusion.http.streamed-paths") Optional<Set<String>> streamedPaths,
                         ObjectMapper json) throws JsonProcessingException {
        this.maxBodySize = maxBodySize;
        this.streamedPaths = streamedPaths.orElse(Set.of());
        this.json = json;
        this.tooLarge = (Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBodySize.map(MemorySize::asLongValue).orElse(0L) + " bytes"));
    }

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(-3).handler(context -> {
            if (streamed(context)) {
                String length = context.request().headers().get(HttpHeaders.CONTENT_LENGTH);
                if (length != null) {
                    context.put(HELD_LENGTH, length);
                    context.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
                }
                context.next();
            } else {
                refuseIfTooLarge(context, limit);
            }
        });
        router.route().order(-1).handler(context -> {
            if (streamed(context)) {
                String length = context.get(HELD_LENGTH);
                if (length != null) {
                    context.request().headers().set(HttpHeaders.CONTENT_LENGTH, length);
                }
                context.remove(QUARKUS_STREAM_LIMIT);
            }
            context.next();
        });
    }

    private String body(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean streamed(RoutingContext context) {
        return !streamedPaths.isEmpty() && streamedPaths.contains(context.normalizedPath());
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
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body(tooLarge.withRequestId(RequestIds.of(context))));
        lingeringClose(context, announced, limit);
    }

    /**
     * Closing at once, with the client's body still arriving, makes the kernel answer it with a reset, and a reset
     * can reach the client before it has read the 413: it would see a dropped connection instead of the problem.
     * So the rest of the body is read and dropped, and the connection closed when it has all arrived, or after
     * {@link #LINGER_MILLIS}, or at once when it announces more than {@link #LINGER_FACTOR} times the limit.
     */
    private static void lingeringClose(RoutingContext context, long announced, long limit) {
        var request = context.request();
        var connection = request.connection();
        if (announced > LINGER_FACTOR * limit) {
            context.response().endHandler(done -> connection.close());
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
        request.handler(dropped -> { });
        request.endHandler(done -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
