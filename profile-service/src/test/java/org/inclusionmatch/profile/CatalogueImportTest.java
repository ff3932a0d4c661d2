package org.inclusionmatch.profile;

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

    @Test
    void importIsIdempotentAndUpdatesByCode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode catalogue = (ObjectNode) json.readTree(DEMO);

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("organisations.created", equalTo(12), "programmes.created", equalTo(7), "measures.created", equalTo(36));

        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("organisations.unchanged", equalTo(12), "programmes.unchanged", equalTo(7),
                        "measures.unchanged", equalTo(36), "measures.created", equalTo(0), "measures.updated", equalTo(0));

        List<String> codes = Api.json().queryParam("size", 100).get("/api/v1/measures").then().statusCode(200)
                .extract().path("items.code");
        Set<String> demoCodes = new HashSet<>();
        catalogue.get("measures").forEach(m -> demoCodes.add(m.get("code").asText()));
        assertThat(codes).containsAll(demoCodes);
        assertThat(demoCodes).hasSize(36);

        ObjectNode career = (ObjectNode) catalogue.get("measures").get(3);
        career.put("seatsTaken", 29);
        Api.json().body(catalogue.toString()).post("/api/v1/catalogue/import").then().statusCode(200)
                .body("measures.updated", equalTo(1), "measures.unchanged", equalTo(35));
        Api.json().queryParam("code", career.get("code").asText()).get("/api/v1/measures")
                .then().body("items[0].seatsTaken", equalTo(29), "items[0].version", equalTo(1));
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
