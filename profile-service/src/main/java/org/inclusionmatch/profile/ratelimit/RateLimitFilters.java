package org.inclusionmatch.profile.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API request takes one from its client's bucket; an empty bucket is a 429 problem with {@code Retry-After}.
 * Every answer carries the IETF httpapi RateLimit header fields ({@code RateLimit-Policy: "client";q=200;w=2} and
 * {@code RateLimit: "client";r=150;t=1}), so a client sees how much it has left before it is refused.
 */
public class RateLimitFilters {

    static final String POLICY = "client";
    private static final String VERDICT = RateLimitFilters.class.getName() + ".verdict";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilters(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // A token that fails verification is the authentication's 401, not counted here.
        return identities.getDeferredIdentity()
                .onItem().transform(identity -> config.exemptRoles().stream().anyMatch(identity::hasRole) ? null
                        : limit(request, RateLimiter.clientOf(identity, address), RateLimiter.organisationOf(identity)))
                .onFailure().recoverWithNull();
    }

    private Response limit(ContainerRequestContext request, String client, String organisation) {
        RateLimiter.Verdict verdict = limiter.take(client, organisation);
        request.setProperty(VERDICT, verdict);
        if (verdict.allowed()) {
            return null;
        }
        Response.ResponseBuilder refused = Response.status(429).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.RATE_LIMITED, "Your client sent more than its limit of "
                        + verdict.quota() + " requests at once (refilled at " + verdict.perSecond() + " a second); send again after "
                        + verdict.retryAfterSeconds() + " s"))
                .header("Retry-After", verdict.retryAfterSeconds());
        return refused.build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimiter.Verdict verdict) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Policy", "\"" + POLICY + "\";q=" + verdict.quota() + ";w=" + verdict.windowSeconds());
            headers.putSingle("RateLimit", "\"" + POLICY + "\";r=" + verdict.remaining() + ";t=" + verdict.resetSeconds());
        }
    }
}
