package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The demo catalogue imports completely, a second import changes nothing, and a changed file updates by code. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class CatalogueImportTest {

    private static final File DEMO = new File("../deploy/local/demo/catalogue.json");

    /**
     * The demo catalogue with every code (and every reference by code) given this run's suffix: other test classes
     * share the database and may import the demo file too, so the counts below are about this file's records only.
     */
    private static ObjectNode ownCopyOfTheDemo(String suffix) throws Exception {
        ObjectNode catalogue = (ObjectNode) new ObjectMapper().readTree(DEMO);
        for (String kind : List.of("organisations", "programmes", "measures")) {
            for (JsonNode record : catalogue.get(kind)) {
                ObjectNode entry = (ObjectNode) record;
                for (String reference : List.of("code", "operator", "funder", "provider", "programme")) {
                    if (entry.hasNonNull(reference)) {
                        entry.put(reference, entry.get(reference).asText() + suffix);
                    }
                }
            }
        }
        return catalogue;
    }

    @Test
    void importIsIdempotentAndUpdatesByCode() throws Exception {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ObjectNode catalogue = ownCopyOfTheDemo(suffix);
        int organisations = catalogue.get("organisations").size();
        int programmes = catalogue.get("programmes").size();
        int measures = catalogue.get("measures").size();
        assertThat(List.of(organisations, programmes, measures)).as("the demo file has records of each kind").allMatch(n -> n > 0);

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("organisations.created", equalTo(organisations), "programmes.created", equalTo(programmes),
                        "measures.created", equalTo(measures),
                        "organisations.unchanged", equalTo(0), "programmes.unchanged", equalTo(0), "measures.unchanged", equalTo(0));

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("organisations.unchanged", equalTo(organisations), "programmes.unchanged", equalTo(programmes),
                        "measures.unchanged", equalTo(measures), "measures.created", equalTo(0), "measures.updated", equalTo(0),
                        "organisations.created", equalTo(0), "programmes.created", equalTo(0));

        // every record of the file is there, found by its own code (a filter, not a page of a shared table)
        Set<String> fileCodes = new HashSet<>();
        catalogue.get("measures").forEach(m -> fileCodes.add(m.get("code").asText()));
        assertThat(fileCodes).hasSize(measures);
        for (String code : fileCodes) {
            Api.json().queryParam("code", code).get("/api/v1/measures").then().statusCode(200).body("total", equalTo(1));
        }
        // whom a measure is for and its languages come from the file (issue 13)
        Api.json().queryParam("code", "BWISE-SUCCESSION" + suffix).get("/api/v1/measures").then().statusCode(200)
                .body("items[0].audienceRoles", org.hamcrest.Matchers.contains("FACILITATOR"), "items[0].languages", org.hamcrest.Matchers.hasSize(0));
        Api.json().queryParam("code", "LRC-PIE-GROUP" + suffix).get("/api/v1/measures").then().statusCode(200)
                .body("items[0].languages", org.hamcrest.Matchers.contains("lv", "ru"));
        // references were resolved to this run's records, not to the demo's own
        JsonNode first = catalogue.get("measures").get(0);
        String provider = Api.json().queryParam("code", first.get("provider").asText()).get("/api/v1/organisations")
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        Api.json().queryParam("code", first.get("code").asText()).get("/api/v1/measures")
                .then().body("items[0].providerId", equalTo(provider));

        ObjectNode career = (ObjectNode) catalogue.get("measures").get(3);
        career.put("seatsTaken", 29);
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("measures.updated", equalTo(1), "measures.unchanged", equalTo(measures - 1), "measures.created", equalTo(0));
        Api.json().queryParam("code", career.get("code").asText()).get("/api/v1/measures")
                .then().statusCode(200).body("total", equalTo(1), "items[0].seatsTaken", equalTo(29), "items[0].version", equalTo(1));
    }

    /** Quotas set through the API survive a re-import of a file that does not mention them (issue 14's review). */
    @Test
    void aReImportKeepsQuotasTheFileDoesNotMention() throws Exception {
        ObjectNode catalogue = ownCopyOfTheDemo("-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200);
        String code = catalogue.get("programmes").get(0).get("code").asText();
        String id = Api.json().queryParam("code", code).get("/api/v1/programmes").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
        var programme = Api.json().get("/api/v1/programmes/" + id).then().statusCode(200).extract();
        ObjectNode withQuota = (ObjectNode) new ObjectMapper().readTree(programme.asString());
        withQuota.remove("placesHeld"); // read-only
        withQuota.putArray("quotas").addObject().put("dimension", "REGION").put("value", "RIGA").put("maxPlaces", 2);
        Api.json().header("If-Match", programme.header("ETag")).body(withQuota.toString())
                .put("/api/v1/programmes/" + id).then().statusCode(200).body("quotas.size()", equalTo(1));

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("programmes.updated", equalTo(0));
        // a file that changes the programme but says nothing of quotas updates it and keeps them
        ObjectNode entry = (ObjectNode) catalogue.get("programmes").get(0);
        entry.put("capacity", entry.get("capacity").asInt() + 1);
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("programmes.updated", equalTo(1));
        Api.json().get("/api/v1/programmes/" + id).then().statusCode(200)
                .body("quotas.size()", equalTo(1), "quotas[0].maxPlaces", equalTo(2));

        // a file that names quotas sets them, and an empty list removes them
        ((ObjectNode) catalogue.get("programmes").get(0)).putArray("quotas").addObject()
                .put("dimension", "REGION").put("value", "RIGA").put("maxPlaces", 3);
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("programmes.updated", equalTo(1));
        Api.json().get("/api/v1/programmes/" + id).then().body("quotas[0].maxPlaces", equalTo(3));
        ((ObjectNode) catalogue.get("programmes").get(0)).putArray("quotas");
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("programmes.updated", equalTo(1));
        Api.json().get("/api/v1/programmes/" + id).then().body("quotas.size()", equalTo(0));
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("programmes.unchanged", equalTo(catalogue.get("programmes").size()));
    }

    @Test
    void aBadRecordRejectsTheWholeFileAndNamesIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode catalogue = json.createObjectNode();
        ArrayNode orgs = catalogue.putArray("organisations");
        String code = Api.unique("IMP");
        orgs.addObject().put("code", code).put("name", "Importer test").put("kind", "NGO").put("region", "RIGA");
        ArrayNode measures = catalogue.putArray("measures");
        measures.addObject().put("code", Api.unique("IMPM")).put("provider", "NO-SUCH-ORG").put("kind", "TRAINING")
                .put("title", "x").put("capacity", 1).putArray("regions").add("RIGA");

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(400)
                .body("violations[0].field", equalTo("measures[0].provider"), "detail", containsString("NO-SUCH-ORG"));
        // all or nothing: the organisation before the bad record was not kept
        Api.json().queryParam("code", code).get("/api/v1/organisations").then().body("total", equalTo(0));

        measures.removeAll();
        measures.addObject().put("code", Api.unique("IMPM")).put("provider", code).put("kind", "TRAINING")
                .put("title", "x").put("capacity", -1).put("eligibility", "person.unknown").putArray("regions").add("RIGA");
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(400)
                .body("violations[0].field", equalTo("measures[0].capacity"));
    }
}
