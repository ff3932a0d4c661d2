package org.inclusionmatch.profile.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.time.Instant;

/**
 * The relay's state at {@code /q/health/well}: DOWN when the oldest unpublished row is older than a minute. A
 * wellness check on purpose: neither liveness (a restart does not bring a broker back) nor readiness (the API keeps
 * taking writes into the outbox while Kafka is away).
 */
@Wellness
@ApplicationScoped
public class OutboxRelayCheck implements HealthCheck {

    static final Duration LAG_ALERT = Duration.ofSeconds(60);

    private final OutboxBacklog backlog;

    public OutboxRelayCheck(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox-relay").status(backlog.lagSeconds() <= LAG_ALERT.toSeconds())
                .withData("backlogRows", backlog.rows())
                .withData("lagSeconds", backlog.lagSeconds())
                .withData("publishedRows", backlog.published())
                .withData("relayFailures", backlog.failures());
        Instant at = backlog.measuredAt();
        if (at != null) {
            response.withData("measuredAt", at.toString());
        }
        Instant last = backlog.lastPublished();
        if (last != null) {
            response.withData("lastPublishedAt", last.toString());
        }
        if (backlog.lastFailure() != null) {
            response.withData("lastFailure", backlog.lastFailure());
        }
        return response.build();
    }
}
