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

    void onStart(@Observes StartupEvent event, Topics topics, OutboxConfig.Provisioning provisioning,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws InterruptedException {
        if (provisioning.createTopics()) {
            TopicProvisioner.ensure(bootstrap, List.of(topics.persons(), topics.catalogue(), topics.recommendations(),
                    topics.enrolments()), provisioning.partitions(), provisioning.replicationFactor());
        }
    }
}
