package org.inclusionmatch.profile.common.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem documents. Quarkus' own mappers answer these with an empty body; ours replace them.
 * Authentication is not proactive here, so every refusal is one of these exceptions inside the REST layer.
 */
public class SecurityProblems {

    /**
     * No token, or one that fails verification. The {@code WWW-Authenticate} challenge comes from the
     * authentication mechanism (smallrye-jwt: {@code Bearer}), as Quarkus' mapper would send it.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Uni<Response> unauthenticated(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
        return challenge.map(SecurityProblems::unauthorized);
    }

    private static Response unauthorized(ChallengeData challenge) {
        Response.ResponseBuilder response = ProblemMappers.problemBuilder(Problem.of(ProblemType.UNAUTHORIZED,
                "A valid bearer token is required (missing, expired, or not issued for this API)"));
        if (challenge != null && challenge.getHeaders() != null && !challenge.getHeaders().isEmpty()) {
            challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
        } else {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    /** Authenticated, but no role of the caller is allowed on this operation. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.problem(Problem.of(ProblemType.FORBIDDEN,
                "Your role is not allowed to do this"));
    }
}
