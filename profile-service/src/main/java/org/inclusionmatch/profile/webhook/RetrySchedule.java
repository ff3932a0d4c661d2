package org.inclusionmatch.profile.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: exponential backoff from the first delay, doubled per attempt up to a cap, with
 * "equal jitter" (half the delay fixed, half random) so that deliveries that failed together do not all come back
 * together; and given up once the delivery is older than the retry period.
 */
record RetrySchedule(Duration initial, Duration max, Duration retryFor) {

    static RetrySchedule of(WebhookConfig.Dispatch config) {
        return new RetrySchedule(config.initialBackoff(), config.maxBackoff(), config.retryFor());
    }

    /** The next attempt after {@code attempts} failed ones, or null when the delivery is given up. */
    Instant next(int attempts, Instant createdAt, Instant now) {
        if (!now.isBefore(createdAt.plus(retryFor))) {
            return null;
        }
        long delay = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempts - 1, 30));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        return now.plusMillis(jittered);
    }
}
