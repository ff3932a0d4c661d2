package org.inclusionmatch.profile.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.Api;
import org.inclusionmatch.profile.TopicReader;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash between the broker's ack and marking the row sent, on the real broker and database: the row stays
 * unsent, the next relay run publishes it again (the same envelope, same id, twice on the topic: at least once),
 * and then marks it. The worker's side of the promise, ignoring the repeat, is the idempotent consumer's.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OutboxCrashTest {

    @Inject
    OutboxRelay relay;

    @AfterEach
    void noMoreCrashes() {
        relay.afterAck(() -> { });
    }

    @Test
    void aRowAckedButNotMarkedIsPublishedAgainThenMarked() {
        String org = Api.createOrganisation();
        await().atMost(Duration.ofSeconds(15)).until(() -> unsent() == 0); // earlier rows out of the way
        AtomicInteger acked = new AtomicInteger();
        relay.afterAck(() -> {
            if (acked.getAndIncrement() == 0) {
                throw new IllegalStateException("crash after the ack, before the mark");
            }
        });

        String id = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        try (TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> persons.eventsAbout(id, Duration.ofMillis(200)).size() >= 2);
            List<JsonNode> events = persons.eventsAbout(id, Duration.ofSeconds(1));
            assertThat(events).hasSize(2);
            assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("PERSON_CREATED");
            assertThat(events.get(1).get("id")).as("the same envelope, so consumers can tell it is a repeat")
                    .isEqualTo(events.get(0).get("id"));
        }
        assertThat(acked.get()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent() == 0);
    }

    private static long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }
}
