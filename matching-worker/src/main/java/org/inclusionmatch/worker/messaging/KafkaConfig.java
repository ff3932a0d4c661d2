package org.inclusionmatch.worker.messaging;

import io.smallrye.config.ConfigMapping;

/** The topics the worker reads ({@code inclusion.topics.*}) and whether it creates them ({@code inclusion.kafka.*}). */
public final class KafkaConfig {

    private KafkaConfig() {
    }

    @ConfigMapping(prefix = "inclusion.topics")
    public interface Topics {
        String persons();

        String catalogue();
    }

    @ConfigMapping(prefix = "inclusion.kafka")
    public interface Provisioning {
        /** Off where the cluster manages its topics. */
        boolean createTopics();

        int partitions();

        short replicationFactor();
    }
}
