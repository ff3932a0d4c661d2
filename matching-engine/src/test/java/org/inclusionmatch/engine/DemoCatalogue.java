package org.inclusionmatch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The demo catalogue file (deploy/local/demo/catalogue.json) read into an engine catalogue; codes become ids. */
final class DemoCatalogue {

    static final Path DEMO = Path.of("..", "deploy", "local", "demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoCatalogue() {
    }

    static Catalogue load() {
        try {
            JsonNode root = JSON.readTree(DEMO.resolve("catalogue.json").toFile());
            List<Programme> programmes = new ArrayList<>();
            root.get("programmes").forEach(p -> programmes.add(new Programme(idOf(p.get("code")), p.get("code").asText(),
                    date(p.get("startDate")), date(p.get("endDate")), p.hasNonNull("capacity") ? p.get("capacity").asInt() : null,
                    strings(p.get("regions")), text(p.get("eligibility")), 0)));
            List<Measure> measures = new ArrayList<>();
            root.get("measures").forEach(m -> measures.add(new Measure(idOf(m.get("code")), m.get("code").asText(),
                    idOf(m.get("programme")), m.path("kind").asText(), m.path("title").asText(),
                    strings(m.get("needs")), strings(m.get("goals")), strings(m.get("regions")),
                    m.path("remote").asBoolean(false), m.get("capacity").asInt(), m.path("seatsTaken").asInt(0),
                    date(m.get("startDate")), date(m.get("endDate")), text(m.get("eligibility")),
                    strings(m.get("audienceRoles")), strings(m.get("languages")), null, null)));
            return Catalogue.of(programmes, measures);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo catalogue under " + DEMO.toAbsolutePath(), e);
        }
    }

    static UUID idOf(JsonNode code) {
        return code == null || code.isNull() ? null : TestData.id(code.asText());
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> values.add(item.asText()));
        }
        return values;
    }
}
