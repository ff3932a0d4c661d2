package org.inclusionmatch.worker.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.contracts.events.TopicProvisioner;

import java.util.List;

/** Creates the topics the worker reads and its dead-letter topics, unless the cluster manages them. */
@ApplicationScoped
public class TopicSetup {

    void onStart(@Observes StartupEvent event, KafkaConfig.Topics topics, KafkaConfig.Provisioning provisioning,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws InterruptedException {
        if (provisioning.createTopics()) {
            TopicProvisioner.ensure(bootstrap, List.of(topics.persons(), topics.catalogue(),
                    topics.persons() + ".dlq", topics.catalogue() + ".dlq"),
                    provisioning.partitions(), provisioning.replicationFactor());
        }
    }
}
