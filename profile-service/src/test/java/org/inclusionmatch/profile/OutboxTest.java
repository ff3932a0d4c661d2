package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.profile.outbox.Outbox;
import org.inclusionmatch.profile.outbox.OutboxEvent;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every committed change reaches Kafka once per commit, in order, with no personal data; a rollback reaches nothing. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    RollingBack rollingBack;

    @Test
    void personChangesArePublishedInOrderWithoutPersonalData() {
        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("municipality", "CANARY-MUNICIPALITY-7731");
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        person.put("needs", List.of("HOUSING"));
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200);
        Api.caseworker(org).header("If-Match", "\"1\"").body(person).put("/api/v1/persons/" + id).then().statusCode(200); // no change: no event
        Api.caseworker(org).header("If-Match", "\"0\"").body(person).put("/api/v1/persons/" + id).then().statusCode(412); // stale: no event
        Api.caseworker(org).header("If-Match", "\"1\"").delete("/api/v1/persons/" + id).then().statusCode(204);

        try (TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> persons.eventsAbout(id, Duration.ofMillis(200)).size() >= 3);
            List<JsonNode> events = persons.eventsAbout(id, Duration.ofSeconds(1));
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly("PERSON_CREATED", "PERSON_UPDATED", "PERSON_DELETED");
            assertThat(events).extracting(e -> e.get("aggregateVersion").asLong()).containsExactly(0L, 1L, 2L);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("organisationId").asText()).isEqualTo(org);
                assertThat(e.get("source").asText()).isEqualTo("profile-service");
                assertThat(e.toString()).doesNotContain("CANARY", "SINGLE_PARENT", "Sigulda");
                // The birth year as a value of its own: as a substring it can turn up by chance in a timestamp or id.
                assertThat(e.properties()).extracting(Map.Entry::getValue).map(JsonNode::asText).doesNotContain("1992");
                assertThat(e.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                        "id", "type", "source", "time", "subject", "aggregateVersion", "organisationId");
            });
        }
    }

    @Test
    void catalogueChangesGoToTheCatalogueTopic() {
        String provider = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("OUT"), provider)).post("/api/v1/measures")
                .then().statusCode(201).extract().path("id");
        try (TopicReader catalogue = new TopicReader("inclusion.topics.catalogue")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !catalogue.eventsAbout(measure, Duration.ofMillis(200)).isEmpty());
            assertThat(catalogue.eventsAbout(measure, Duration.ZERO).get(0).get("type").asText()).isEqualTo("MEASURE_CREATED");
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID subject = UUID.randomUUID();
        assertThatThrownBy(() -> rollingBack.recordThenFail(subject)).isInstanceOf(IllegalStateException.class);
        assertThat(OutboxEvent.count("aggregateid", subject.toString())).isZero();
        try (TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            assertThat(persons.eventsAbout(subject.toString(), Duration.ofSeconds(3))).isEmpty();
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class RollingBack {
        @Inject
        Outbox outbox;

        @Transactional
        public void recordThenFail(UUID subject) {
            outbox.record(EventType.PERSON_UPDATED, subject, 1, null);
            throw new IllegalStateException("the change fails after the event was recorded");
        }
    }
}
