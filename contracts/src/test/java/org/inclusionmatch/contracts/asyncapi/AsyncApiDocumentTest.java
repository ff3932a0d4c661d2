package org.inclusionmatch.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document is valid AsyncAPI 3.0.0 (checked against the specification's own JSON Schema) and says what
 * the services do: the topics and partitions they are configured with, a receive operation and a dead-letter channel
 * for every topic the worker consumes, the dead-letter headers the worker writes, the JSON Schema draft of the
 * envelope. No servers needed.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/asyncapi/asyncapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws IOException {
        return YAML.readTree(DOCUMENT.toFile());
    }

    private static JsonSchema asyncApiSchema() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0-without-$id.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.remove("$schema"); // "http://json-schema.org/draft-07/schema" without '#': the factory is told the draft
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    @Test
    void isValidAsyncApi3() throws IOException {
        Set<ValidationMessage> errors = asyncApiSchema().validate(document());
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaCatchesABrokenDocument() throws IOException {
        ObjectNode broken = (ObjectNode) document();
        ((ObjectNode) broken.at("/operations/receivePersons")).put("action", "subscribe"); // AsyncAPI 2 wording
        ((ObjectNode) broken.at("/components/channelBindings/eventTopic/kafka")).put("partitions", "three");
        assertThat(asyncApiSchema().validate(broken)).isNotEmpty();
    }

    @Test
    void channelsAreTheConfiguredTopicsWithTheirPartitions() throws IOException {
        Properties service = properties("../profile-service/src/main/resources/application.properties");
        Set<String> configured = new TreeSet<>();
        service.stringPropertyNames().stream().filter(key -> key.startsWith("inclusion.topics."))
                .forEach(key -> configured.add(service.getProperty(key)));
        JsonNode document = document();
        Set<String> eventTopics = new TreeSet<>();
        document.get("channels").forEach(channel -> {
            String address = channel.get("address").asText();
            if (!address.endsWith(".dlq")) eventTopics.add(address);
            JsonNode binding = resolve(document, channel.get("bindings")).get("kafka");
            assertThat(binding.get("partitions").asInt()).as(address)
                    .isEqualTo(Integer.parseInt(service.getProperty("inclusion.kafka.partitions")));
        });
        assertThat(eventTopics).isEqualTo(configured);
    }

    @Test
    void everyTopicTheWorkerConsumesHasAReceiveOperationAndADeadLetterChannel() throws IOException {
        Properties worker = properties("../matching-worker/src/main/resources/application.properties");
        Set<String> consumed = new TreeSet<>();
        Pattern incoming = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z-]+)\\.topic");
        for (String key : worker.stringPropertyNames()) {
            if (incoming.matcher(key).matches()) {
                consumed.add(resolveProperty(worker, worker.getProperty(key)));
            }
        }
        assertThat(consumed).containsExactlyInAnyOrder("inclusion.persons.v1", "inclusion.catalogue.v1");

        JsonNode document = document();
        Map<String, String> addressOf = new HashMap<>();
        document.get("channels").properties().forEach(e -> addressOf.put("#/channels/" + e.getKey(), e.getValue().get("address").asText()));
        Set<String> received = new TreeSet<>();
        Set<String> parkedOn = new TreeSet<>();
        document.get("operations").forEach(operation -> {
            String address = addressOf.get(operation.at("/channel/$ref").asText());
            assertThat(address).as("operation's channel").isNotNull();
            JsonNode binding = resolve(document, operation.get("bindings")).get("kafka");
            if (operation.get("action").asText().equals("receive")) {
                received.add(address);
                assertThat(binding.at("/groupId/enum/0").asText()).isEqualTo(worker.getProperty("mp.messaging.incoming.persons.group.id"));
            } else if (address.endsWith(".dlq")) {
                parkedOn.add(address);
            }
        });
        assertThat(received).isEqualTo(consumed);
        assertThat(parkedOn).isEqualTo(consumed.stream().map(topic -> topic + ".dlq").collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void deadLetterHeadersAreTheOnesTheWorkerWrites() throws IOException {
        String source = Files.readString(Path.of("../matching-worker/src/main/java/org/inclusionmatch/worker/messaging/DeadLetters.java"));
        Matcher constant = Pattern.compile("public static final String [A-Z_]+ = \"(dead-letter-[a-z-]+)\";").matcher(source);
        Set<String> written = new TreeSet<>();
        while (constant.find()) written.add(constant.group(1));
        Set<String> documented = new TreeSet<>();
        document().at("/components/messages/deadLetter/headers/properties").fieldNames().forEachRemaining(documented::add);
        assertThat(written).hasSize(5);
        assertThat(documented).isEqualTo(written);
    }

    @Test
    void everyMessageIsKeyedAndTheEnvelopeSchemaFormatIsItsDraft() throws IOException {
        JsonNode document = document();
        document.at("/components/messages").forEach(message -> {
            assertThat(message.at("/bindings/kafka/key").isObject()).isTrue();
            assertThat(message.at("/payload/schemaFormat").asText()).isEqualTo("application/schema+json;version=draft-2020-12");
        });
        assertThat(document.at("/components/messages/envelope/bindings/kafka/key/format").asText()).isEqualTo("uuid");
        Path envelope = DOCUMENT.getParent().resolve(document.at("/components/messages/envelope/payload/schema/$ref").asText());
        assertThat(envelope).exists();
        assertThat(JSON.readTree(envelope.toFile()).get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        // the example validates against the envelope schema itself
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(envelope.toFile()));
        JsonNode example = document.at("/components/messages/envelope/examples/0/payload");
        assertThat(schema.validate(example)).isEmpty();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asText().substring(1));
    }

    private static Properties properties(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(path))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String resolveProperty(Properties properties, String value) {
        Matcher expression = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (expression.find()) {
            expression.appendReplacement(out, Matcher.quoteReplacement(properties.getProperty(expression.group(1), "")));
        }
        expression.appendTail(out);
        return out.toString();
    }
}
