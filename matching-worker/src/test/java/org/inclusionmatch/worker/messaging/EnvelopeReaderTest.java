package org.inclusionmatch.worker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.contracts.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The envelope is read exactly: whatever the schema does not allow is poison, however close it comes. */
class EnvelopeReaderTest {

    private static final String ID = "0b6b7a3e-4f8e-4f4e-9b7e-2f0c7c1d9a11";
    private static final String SUBJECT = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private final EnvelopeReader reader = new EnvelopeReader(new ObjectMapper());

    private static String envelope(String typeJson) {
        return "{\"id\":\"" + ID + "\",\"type\":" + typeJson + ",\"source\":\"profile-service\","
                + "\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":3,"
                + "\"organisationId\":null}";
    }

    @Test
    void readsAnExactEnvelope() {
        EventEnvelope event = reader.read(envelope("\"PERSON_CREATED\"").getBytes(StandardCharsets.UTF_8));
        assertThat(event.type()).isEqualTo(EventType.PERSON_CREATED);
        assertThat(event.subject()).isEqualTo(UUID.fromString(SUBJECT));
        assertThat(event.aggregateVersion()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"PERSON_CREATED \"", "\" PERSON_CREATED\"", "\"person_created\"", "7", "0", "true",
            "null", "[\"PERSON_CREATED\"]", "{\"name\":\"PERSON_CREATED\"}", "\"PERSON_TELEPORTED\"", "\"\""})
    void aTypeThatIsNotExactlyAKnownNameIsPoison(String type) {
        assertThatThrownBy(() -> reader.read(envelope(type))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("type");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "null",
            "[]",
            "\"PERSON_CREATED\"",
            "this is not JSON",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_UPDATED\"}",
            // trailing tokens, a duplicate field, numbers and ids in the wrong JSON type or shape
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":\"s\",\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":1} {}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"type\":\"PERSON_DELETED\",\"source\":\"s\",\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":1}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":\"s\",\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":\"1\"}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":\"s\",\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":1.5}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":\"s\",\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"1-1-1-1-1\",\"aggregateVersion\":1}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":\"s\",\"time\":1700000000,\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":1}",
            "{\"id\":\"" + ID + "\",\"type\":\"PERSON_CREATED\",\"source\":7,\"time\":\"2026-11-23T10:00:00Z\",\"subject\":\"" + SUBJECT + "\",\"aggregateVersion\":1}"})
    void anythingElseThatIsNotAnEnvelopeIsPoison(String value) {
        assertThatThrownBy(() -> reader.read(value.getBytes(StandardCharsets.UTF_8))).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void bytesThatAreNotUtf8ArePoison() {
        byte[] value = envelope("\"PERSON_CREATED\"").getBytes(StandardCharsets.UTF_8);
        value[value.length - 3] = (byte) 0xC3; // a lead byte with no continuation
        assertThatThrownBy(() -> reader.read(value)).isInstanceOf(PoisonEventException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> reader.read(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1})).isInstanceOf(PoisonEventException.class);
    }
}
