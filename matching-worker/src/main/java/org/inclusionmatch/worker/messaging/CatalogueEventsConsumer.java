package org.inclusionmatch.worker.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.worker.matching.CatalogueCache;
import org.inclusionmatch.worker.matching.Rematcher;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A measure or programme changed: re-match the persons it can affect. Events come in batches (an import brings
 * dozens at once), so each affected person is matched once per batch, page by page, never all at once.
 */
@ApplicationScoped
public class CatalogueEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogueEventsConsumer.class);

    private final EnvelopeReader reader;
    private final CatalogueCache catalogue;
    private final Rematcher rematcher;
    private final MutinyEmitter<String> deadLetters;

    public CatalogueEventsConsumer(EnvelopeReader reader, CatalogueCache catalogue, Rematcher rematcher,
                                   @Channel("catalogue-dlq") MutinyEmitter<String> deadLetters) {
        this.reader = reader;
        this.catalogue = catalogue;
        this.rematcher = rematcher;
        this.deadLetters = deadLetters;
    }

    @Incoming("catalogue")
    @Blocking("matching-pool")
    public void onCatalogueEvents(List<String> values) {
        Set<UUID> measures = new LinkedHashSet<>();
        Set<UUID> programmes = new LinkedHashSet<>();
        for (String value : values) {
            try {
                EventEnvelope event = reader.read(value);
                if (!event.type().isCatalogue()) {
                    throw new PoisonEventException("a " + event.type() + " event does not belong on the catalogue topic");
                }
                (event.type().aggregate() == EventType.Aggregate.MEASURE ? measures : programmes).add(event.subject());
            } catch (PoisonEventException poison) {
                // One bad record must not hold back the good ones in its batch.
                deadLetter(value, poison.getMessage());
            }
        }
        if (measures.isEmpty() && programmes.isEmpty()) {
            return;
        }
        catalogue.invalidate();
        int matched = rematcher.rematch(measures, programmes);
        LOG.infof("Catalogue change (%d measures, %d programmes): re-matched %d persons",
                measures.size(), programmes.size(), matched);
    }

    private void deadLetter(String value, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(value == null ? "" : value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withHeaders(headers).build()));
        LOG.warnf("Sent a catalogue event to the dead-letter topic: %s", reason);
    }
}
