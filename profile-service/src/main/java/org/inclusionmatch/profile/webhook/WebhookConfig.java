package org.inclusionmatch.profile.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks ({@code inclusion.webhooks.*}): what may be registered, and how the dispatcher sends. */
@ConfigMapping(prefix = "inclusion.webhooks")
public interface WebhookConfig {

    /** Endpoints one organisation may have. */
    @WithDefault("10")
    int maxEndpointsPerOrganisation();

    /** Only https URLs (production); plain http only for the local run and the tests. */
    @WithDefault("true")
    boolean requireHttps();

    /** Ports a URL may name: single ports or ranges ({@code 443}, {@code 8000-8999}). */
    @WithDefault("443,8443")
    List<String> allowedPorts();

    /**
     * Ranges (CIDR) that are let through although refused otherwise: for the local run and tests only (their receivers
     * are on loopback). Empty by default.
     */
    Optional<List<String>> allowedTestRanges();

    /** How long a rotated-out secret still signs beside the new one. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** How often the dispatcher instances measure the webhook gauges (read by WebhookMetrics' schedule). */
    @WithDefault("15s")
    Duration metricsInterval();

    Dispatch dispatch();

    interface Dispatch {
        /** Whether this instance sends deliveries (on in the dispatcher Deployment only, which alone has egress). */
        @WithDefault("true")
        boolean enabled();

        /** How often the dispatcher looks for due deliveries no commit woke it for. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Requests in flight to one endpoint at a time, per dispatcher instance. */
        @WithDefault("16")
        int perEndpointConcurrency();

        /** Requests in flight in all, per dispatcher instance. */
        @WithDefault("256")
        int maxInFlight();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The whole attempt, from connecting to the last byte of the answer. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** The first retry's delay; each next one doubles, up to {@link #maxBackoff()}, with jitter. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("2h")
        Duration maxBackoff();

        /** How long a delivery is retried before it is given up (FAILED); redeliver sends it again. */
        @WithDefault("26h")
        Duration retryFor();

        /** An endpoint whose every attempt failed for this long is disabled. */
        @WithDefault("72h")
        Duration disableAfter();
    }
}
