package org.inclusionmatch.profile.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.contracts.events.TopicProvisioner;

import java.util.List;

/** Creates this service's topics at start unless the cluster manages them ({@code inclusion.kafka.create-topics}). */
@ApplicationScoped
public class TopicSetup {

    void onStart(@Observes StartupEvent event, Topics topics,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                 @ConfigProperty(name = "inclusion.kafka.create-topics") boolean create,
                 @ConfigProperty(name = "inclusion.kafka.partitions") int partitions,
                 @ConfigProperty(name = "inclusion.kafka.replication-factor") short replicationFactor) throws InterruptedException {
        if (create) {
            TopicProvisioner.ensure(bootstrap, List.of(topics.persons(), topics.catalogue(), topics.recommendations(),
                    topics.enrolments()), partitions, replicationFactor);
        }
    }
}
