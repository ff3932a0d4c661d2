package org.inclusionmatch.worker.api;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's own MATCHER identity towards profile-service. In production ({@code inclusion.auth.mode=oidc-client})
 * an access token from the OIDC provider by client credentials, renewed before it expires (a scheduled check keeps it
 * fresh, so a call rarely waits for the provider). For the local run and the tests either a token handed in
 * ({@code inclusion.auth.token}) or a short-lived token the worker signs itself with the development issuer's key.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);
    /** An OIDC token without expires_in is renewed this often. */
    private static final Duration OIDC_DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final Duration OIDC_TIMEOUT = Duration.ofSeconds(30);

    private final boolean oidcMode;
    private final Instance<OidcClient> oidc;
    private final Optional<String> fixedToken;
    private final String issuer;
    private final String audience;
    private volatile String token;
    /** When the token in hand is renewed: ahead of its expiry by RENEW_BEFORE, or a third of a short lifetime. */
    private volatile Instant renewAt = Instant.EPOCH;
    /** Why the last request for an OIDC token failed; null once one succeeds. */
    private volatile String lastFailure;
    private volatile Instant expiresAt = Instant.EPOCH;

    public ServiceToken(AuthConfig config, Instance<OidcClient> oidc) {
        this.oidcMode = switch (config.mode()) {
            case "oidc-client" -> true;
            case "local" -> false;
            default -> throw new IllegalArgumentException("inclusion.auth.mode is oidc-client or local, not " + config.mode());
        };
        this.oidc = oidc;
        this.fixedToken = config.token().filter(t -> !t.isBlank());
        this.issuer = config.issuer();
        this.audience = config.audience();
    }

    public String bearer() {
        if (!oidcMode && fixedToken.isPresent()) {
            return fixedToken.get();
        }
        if (!Instant.now().isBefore(renewAt)) {
            renew();
        }
        return token;
    }

    /**
     * Empty while the worker has a usable token or can get one; otherwise why the OIDC provider gives none (for the
     * readiness check: a provider that cannot be reached or refuses the client shows there, not as failing calls).
     */
    public java.util.Optional<String> unavailable() {
        if (!oidcMode || lastFailure == null || Instant.now().isBefore(expiresAt)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(lastFailure);
    }

    /** The API refused the token in hand (401): the next call gets a new one. */
    void refused() {
        renewAt = Instant.EPOCH;
    }

    /** Renews the OIDC token ahead of its expiry on a scheduler thread, off the calls' path. */
    @Scheduled(every = "15s", delay = 1, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepFresh() {
        if (oidcMode && !Instant.now().isBefore(renewAt)) {
            renew();
        }
    }

    private synchronized void renew() {
        if (Instant.now().isBefore(renewAt)) {
            return; // another thread renewed it meanwhile
        }
        if (oidcMode) {
            if (Context.isOnEventLoopThread()) {
                // Never block an event loop on the provider: the call fails as an outage does and is retried.
                throw new IllegalStateException("the OIDC token is being renewed");
            }
            Tokens tokens;
            try {
                tokens = oidc.get().getTokens().await().atMost(OIDC_TIMEOUT);
            } catch (RuntimeException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                throw e;
            }
            lastFailure = null;
            Instant now = Instant.now();
            Long expiry = tokens.getAccessTokenExpiresAt();
            Instant expires = expiry != null ? Instant.ofEpochSecond(expiry) : now.plus(OIDC_DEFAULT_LIFETIME);
            token = tokens.getAccessToken();
            expiresAt = expires;
            renewAt = renewalTime(now, expires);
            return;
        }
        Instant now = Instant.now();
        Instant until = now.plus(LIFETIME);
        token = Jwt.issuer(issuer).audience(audience).subject("matching-worker").groups("MATCHER")
                .expiresAt(until).sign();
        renewAt = renewalTime(now, until);
    }

    static Instant renewalTime(Instant now, Instant expires) {
        Duration lifetime = Duration.between(now, expires);
        Duration ahead = lifetime.dividedBy(3).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(3) : RENEW_BEFORE;
        return expires.minus(ahead);
    }
}
