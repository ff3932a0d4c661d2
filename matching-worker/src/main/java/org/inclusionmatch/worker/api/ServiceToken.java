package org.inclusionmatch.worker.api;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's own MATCHER identity towards profile-service. Either a token handed in by the platform
 * ({@code inclusion.auth.token}, e.g. from an OIDC client-credentials sidecar) or, for the local run and the tests,
 * a short-lived token the worker signs itself with the development issuer's key, renewed before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final Optional<String> fixedToken;
    private final String issuer;
    private final String audience;
    private volatile String token;
    private volatile Instant expires = Instant.EPOCH;

    public ServiceToken(AuthConfig config) {
        this.fixedToken = config.token().filter(t -> !t.isBlank());
        this.issuer = config.issuer();
        this.audience = config.audience();
    }

    public String bearer() {
        if (fixedToken.isPresent()) {
            return fixedToken.get();
        }
        if (Instant.now().plus(RENEW_BEFORE).isAfter(expires)) {
            renew();
        }
        return token;
    }

    private synchronized void renew() {
        if (Instant.now().plus(RENEW_BEFORE).isBefore(expires)) {
            return; // another thread renewed it meanwhile
        }
        Instant until = Instant.now().plus(LIFETIME);
        token = Jwt.issuer(issuer).audience(audience).subject("matching-worker").groups("MATCHER")
                .expiresAt(until).sign();
        expires = until;
    }
}
