package org.inclusionmatch.profile.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.inclusionmatch.profile.security.Caller;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Takes one request from the caller's token bucket (Bucket4j), keyed by the client the token was issued to (its
 * {@code azp}, else its subject) and the organisation it names, so one partner's burst never slows another's;
 * anonymous calls are keyed by their address.
 */
@ApplicationScoped
public class RateLimiter {

    /** The answer for one request, with what the RateLimit header fields say. */
    public record Verdict(boolean allowed, long quota, long perSecond, long windowSeconds, long remaining,
                          long resetSeconds, long retryAfterSeconds) {
    }

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimitConfig config) {
        this.config = config;
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxClients()).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    public Verdict take(String client, String organisation) {
        RateLimitConfig.Limit limit = config.clients().getOrDefault(client, config.defaults());
        Bucket bucket = buckets.get(client + "@" + organisation, key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long window = Math.max(1, ceilDiv(limit.burst(), limit.requestsPerSecond()));
        return new Verdict(probe.isConsumed(), limit.burst(), limit.requestsPerSecond(), window, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** The client a verified token was issued to: its {@code azp} (the OAuth client), else its subject. */
    public static String clientOf(SecurityIdentity identity, String address) {
        if (identity == null || identity.isAnonymous()) {
            return "address:" + address;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") != null) {
            return token.<Object>getClaim("azp").toString().replace("\"", "");
        }
        return identity.getPrincipal().getName();
    }

    public static String organisationOf(SecurityIdentity identity) {
        return identity == null ? "-" : Caller.organisationOf(identity).map(Object::toString).orElse("-");
    }

    private static long seconds(long nanos) {
        return ceilDiv(nanos, TimeUnit.SECONDS.toNanos(1));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
