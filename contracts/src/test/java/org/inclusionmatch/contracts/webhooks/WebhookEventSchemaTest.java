package org.inclusionmatch.contracts.webhooks;

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

/** The webhook body's record and the JSON Schema receivers read describe the same event. */
class WebhookEventSchemaTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonNode schema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schemas/webhook-event.v1.json")) {
            return json.readTree(in);
        }
    }

    @Test
    void theRecordWritesExactlyTheSchemasFields() throws Exception {
        WebhookEvent event = new WebhookEvent(UUID.randomUUID(), WebhookEventType.REFERRAL_DECLINED,
                Instant.parse("2026-12-07T10:00:00Z"), UUID.randomUUID(), UUID.randomUUID(), 3, "REJECTED", "NO_CAPACITY");
        JsonNode written = json.valueToTree(event);
        List<String> fields = new ArrayList<>();
        written.fieldNames().forEachRemaining(fields::add);
        List<String> schemaFields = new ArrayList<>();
        schema().get("properties").fieldNames().forEachRemaining(schemaFields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(schemaFields);
        assertThat(json.treeToValue(written, WebhookEvent.class)).isEqualTo(event);
    }

    @Test
    void theSchemaListsEveryEventType() throws Exception {
        List<String> types = new ArrayList<>();
        schema().get("properties").get("type").get("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(Arrays.stream(WebhookEventType.values()).map(Enum::name).toList());
    }
}
