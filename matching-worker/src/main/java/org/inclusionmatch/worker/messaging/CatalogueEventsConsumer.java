package org.inclusionmatch.worker.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.worker.matching.CatalogueCache;
import org.inclusionmatch.worker.matching.Rematcher;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A measure or programme changed: re-match the persons it can affect. Events come in batches (an import brings
 * dozens at once), so each affected person is matched once per batch, page by page, never all at once. Poison
 * records are parked one by one and the rest of the batch goes on; an unavailable API is waited out (see
 * {@link PersonEventsConsumer}).
 */
@ApplicationScoped
public class CatalogueEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueEventsConsumer.class);

    private final EnvelopeReader reader;
    private final CatalogueCache catalogue;
    private final Rematcher rematcher;
    private final DeadLetters deadLetters;

    public CatalogueEventsConsumer(EnvelopeReader reader, CatalogueCache catalogue, Rematcher rematcher,
                                   DeadLetters deadLetters) {
        this.reader = reader;
        this.catalogue = catalogue;
        this.rematcher = rematcher;
        this.deadLetters = deadLetters;
    }

    @Incoming("catalogue")
    @Blocking("matching-pool")
    public void onCatalogueEvents(ConsumerRecords<byte[], byte[]> records) {
        Set<UUID> measures = new LinkedHashSet<>();
        Set<UUID> programmes = new LinkedHashSet<>();
        List<ConsumerRecord<byte[], byte[]>> good = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                EventEnvelope event = reader.read(record.value());
                if (!event.type().isCatalogue()) {
                    throw new PoisonEventException("a " + event.type() + " event does not belong on the catalogue topic");
                }
                (event.type().aggregate() == EventType.Aggregate.MEASURE ? measures : programmes).add(event.subject());
                good.add(record);
            } catch (PoisonEventException poison) {
                // One bad record must not hold back the good ones in its batch.
                deadLetters.park(record, poison.getMessage());
            }
        }
        if (measures.isEmpty() && programmes.isEmpty()) {
            return;
        }
        catalogue.invalidate();
        try {
            int matched = rematcher.rematch(measures, programmes);
            LOG.infof("Catalogue change (%d measures, %d programmes): re-matched %d persons",
                    measures.size(), programmes.size(), matched);
        } catch (ProfileServiceClient.ClientError refused) {
            // The API refused a request it will always refuse: park the batch's events so ops can replay them.
            for (ConsumerRecord<byte[], byte[]> record : good) {
                deadLetters.park(record, refused.getMessage());
            }
        }
    }
}
