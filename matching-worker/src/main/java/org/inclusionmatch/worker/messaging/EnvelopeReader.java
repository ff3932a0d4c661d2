package org.inclusionmatch.worker.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.contracts.events.EventEnvelope;

/** Reads an event value; anything that is not a complete envelope of a known type is a poison event. */
@ApplicationScoped
public class EnvelopeReader {

    private final ObjectMapper json;

    public EnvelopeReader(ObjectMapper json) {
        this.json = json;
    }

    public EventEnvelope read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty value");
        }
        try {
            EventEnvelope envelope = json.readValue(value, EventEnvelope.class);
            if (envelope == null) {
                throw new PoisonEventException("the value is JSON null");
            }
            return envelope;
        } catch (PoisonEventException e) {
            throw e;
        } catch (Exception e) {
            // The parser's own message says what is wrong (not JSON, unknown type, missing field) and where.
            throw new PoisonEventException("not an event envelope: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
