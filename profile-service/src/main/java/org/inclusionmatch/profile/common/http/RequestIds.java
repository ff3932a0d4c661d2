package org.inclusionmatch.profile.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.inclusionmatch.profile.common.problem.ProblemBody;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request id for every request, to quote in a support call and to find a request's log lines. A well-formed
 * {@code X-Request-Id} from the client or a gateway is kept; anything else (absent, too long, characters outside
 * letters, digits and {@code . _ : -}) is replaced by a random UUID, so the id never carries a name or free text
 * into the logs. The id is echoed on every response (errors and refusals before the REST layer included), put in
 * the logging MDC as {@code requestId}, and set as the {@code requestId} member of every problem body.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** 8 to 64 characters: UUIDs, hex ids, gateway trace ids; not sentences. */
    static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final String KEY = RequestIds.class.getName();

    /** The id to use for what the client sent: the value when well-formed, else a new UUID. */
    public static String accept(String sent) {
        return sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    /** The id of the request being served (set before anything else runs). */
    static String of(RoutingContext context) {
        String id = context.get(KEY);
        return id != null ? id : accept(null);
    }

    void install(@Observes Router router) {
        // Before every other route (the body-size refusal is order -3), so even that answer has the id.
        router.route().order(-5).handler(context -> {
            String id = accept(context.request().getHeader(HEADER));
            context.put(KEY, id);
            // The REST layer reads the accepted id from the request, never what was sent.
            context.request().headers().set(HEADER, id);
            context.addHeadersEndHandler(done -> context.response().headers().set(HEADER, id));
            MDC.put(MDC_KEY, id);
            context.next();
        });
    }

    /** Every problem body names the request id. */
    @ServerResponseFilter
    public void intoProblems(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ProblemBody problem && problem.requestId() == null) {
            String id = request.getHeaderString(HEADER);
            response.setEntity(problem.withRequestId(id != null ? id : accept(null)),
                    response.getEntityAnnotations(), response.getMediaType());
        }
    }
}
