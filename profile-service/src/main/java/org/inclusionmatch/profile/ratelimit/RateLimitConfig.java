package org.inclusionmatch.profile.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * Per-client request limits of profile-service: a token bucket per client and organisation, refilled at
 * {@link #requestsPerSecond()} up to {@link #burst()}. Each replica keeps its own buckets, so a deployment of N
 * replicas lets a client send up to N times the limit; a gateway in front may limit across replicas.
 */
@ConfigMapping(prefix = "inclusion.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** The limit of every client without one of its own. */
    Limit defaults();

    /** Limits of their own for named clients (the token's {@code azp}, or its subject): a partner with a larger agreement. */
    Map<String, Limit> clients();

    /**
     * Roles whose holders are not limited: the matching worker's service identity (MATCHER), whose load follows the
     * events it is sent (a caseload import means a burst of matching reads and writes by design).
     */
    @WithDefault("MATCHER")
    java.util.Set<String> exemptRoles();

    /** At most this many clients' buckets are kept; the least recently seen go first. */
    @WithDefault("100000")
    int maxClients();

    interface Limit {

        /** Requests a client may send per second, sustained. */
        @WithDefault("100")
        int requestsPerSecond();

        /** Requests a client may send at once after a pause (the bucket's size). */
        @WithDefault("200")
        int burst();
    }
}
