package org.inclusionmatch.worker.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.contracts.events.EventEnvelope;
import org.inclusionmatch.contracts.events.EventType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an event value exactly as the envelope schema (contracts, schemas/event-envelope.v1.json) says, and calls
 * anything else a poison event: bytes that are not UTF-8, not one JSON object, a duplicate field, a field of the
 * wrong JSON type, a {@code type} that is not exactly one of {@link EventType} (no trimming, no case folding, no
 * enum index: {@code "PERSON_CREATED "} and {@code 7} are poison), ids that are not canonical UUIDs. Jackson's own
 * enum and scalar coercions are lenient, so the envelope is checked field by field from the tree.
 */
@ApplicationScoped
public class EnvelopeReader {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, EventType> TYPES = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));

    private final ObjectMapper json;

    public EnvelopeReader(ObjectMapper json) {
        this.json = json.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    public EventEnvelope read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new PoisonEventException("empty value");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new PoisonEventException("not UTF-8 text");
        }
        return read(text);
    }

    public EventEnvelope read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (Exception e) {
            // The parser's own message says what is wrong and where; never the value itself.
            throw new PoisonEventException("not an event envelope: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonEventException("not an event envelope: the value is not a JSON object");
        }
        String typeName = text(tree, "type", true);
        EventType type = TYPES.get(typeName);
        if (type == null) {
            throw new PoisonEventException("not an event envelope: unknown type '" + printable(typeName) + "'");
        }
        JsonNode version = tree.get("aggregateVersion");
        if (version == null || version.isNull()) {
            throw new PoisonEventException("not an event envelope: aggregateVersion is missing");
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            throw new PoisonEventException("not an event envelope: aggregateVersion must be a whole number >= 0");
        }
        Instant time;
        try {
            time = Instant.parse(text(tree, "time", true));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("not an event envelope: time is not an ISO-8601 instant");
        }
        String source = text(tree, "source", true);
        if (source.isBlank()) {
            throw new PoisonEventException("not an event envelope: source is blank");
        }
        String organisation = text(tree, "organisationId", false);
        return new EventEnvelope(uuid(tree, "id"), type, source, time, uuid(tree, "subject"),
                version.asLong(), organisation == null ? null : uuid(organisation, "organisationId"));
    }

    private static String text(JsonNode tree, String field, boolean required) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new PoisonEventException("not an event envelope: " + field + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new PoisonEventException("not an event envelope: " + field + " must be a string, not " + node.getNodeType());
        }
        return node.textValue();
    }

    private static UUID uuid(JsonNode tree, String field) {
        return uuid(text(tree, field, true), field);
    }

    private static UUID uuid(String value, String field) {
        if (!CANONICAL_UUID.matcher(value).matches()) {
            throw new PoisonEventException("not an event envelope: " + field + " is not a UUID");
        }
        return UUID.fromString(value);
    }

    /** Enough of a bad type to recognise it in a log, with invisible characters made visible. */
    private static String printable(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c >= 0x21 && c < 0x7f) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
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
