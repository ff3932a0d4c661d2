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
            Tokens tokens = oidc.get().getTokens().await().atMost(OIDC_TIMEOUT);
            Instant now = Instant.now();
            Long expiresAt = tokens.getAccessTokenExpiresAt();
            Instant expires = expiresAt != null ? Instant.ofEpochSecond(expiresAt) : now.plus(OIDC_DEFAULT_LIFETIME);
            token = tokens.getAccessToken();
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
