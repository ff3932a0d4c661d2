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

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                 @ConfigProperty(name = "inclusion.topics.persons") String persons,
                 @ConfigProperty(name = "inclusion.topics.catalogue") String catalogue,
                 @ConfigProperty(name = "inclusion.kafka.create-topics") boolean create,
                 @ConfigProperty(name = "inclusion.kafka.partitions") int partitions,
                 @ConfigProperty(name = "inclusion.kafka.replication-factor") short replicationFactor) throws InterruptedException {
        if (create) {
            TopicProvisioner.ensure(bootstrap, List.of(persons, catalogue, persons + ".dlq", catalogue + ".dlq"),
                    partitions, replicationFactor);
        }
    }
}
