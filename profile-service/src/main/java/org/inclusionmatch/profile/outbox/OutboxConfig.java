package org.inclusionmatch.profile.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox relay ({@code inclusion.outbox.*}) and whether this service creates its topics ({@code inclusion.kafka.*}).
 * The two intervals are also read by the {@code @Scheduled} expressions of {@link OutboxRelay} and {@link OutboxBacklog}.
 */
public final class OutboxConfig {

    private OutboxConfig() {
    }

    @ConfigMapping(prefix = "inclusion.outbox")
    public interface Relay {
        /** Rows published per round trip to the broker. */
        int batchSize();

        /** How often the relay looks for rows no commit woke it for. */
        Duration pollInterval();

        /** How often the backlog is measured. */
        @WithDefault("5s")
        Duration backlogInterval();
    }

    @ConfigMapping(prefix = "inclusion.kafka")
    public interface Provisioning {
        /** Off where the cluster manages its topics. */
        boolean createTopics();

        int partitions();

        short replicationFactor();
    }
}
