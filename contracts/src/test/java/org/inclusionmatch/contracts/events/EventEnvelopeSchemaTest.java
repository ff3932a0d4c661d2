package org.inclusionmatch.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java record and the JSON Schema partners read must describe the same envelope. */
class EventEnvelopeSchemaTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonNode schema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/event-envelope.v1.json")) {
            return json.readTree(in);
        }
    }

    @Test
    void theRecordWritesExactlyTheSchemasFields() throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventType.PERSON_UPDATED, "profile-service",
                Instant.parse("2026-11-23T10:00:00Z"), UUID.randomUUID(), 3, UUID.randomUUID());
        JsonNode written = json.valueToTree(envelope);
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        List<String> schemaFields = new ArrayList<>();
        schema().get("properties").fieldNames().forEachRemaining(schemaFields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(schemaFields);
        assertThat(written.get("time").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(json.treeToValue(written, EventEnvelope.class)).isEqualTo(envelope);
    }

    @Test
    void theSchemaListsEveryEventType() throws Exception {
        List<String> schemaTypes = new ArrayList<>();
        schema().get("properties").get("type").get("enum").forEach(t -> schemaTypes.add(t.asText()));
        assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(Enum::name).toList());
    }

    @Test
    void anEnvelopeWithoutItsRequiredFieldsCannotBeMade() {
        assertThatThrownBy(() -> json.readValue("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PERSON_UPDATED\"}", EventEnvelope.class))
                .hasRootCauseInstanceOf(NullPointerException.class);
    }
}
