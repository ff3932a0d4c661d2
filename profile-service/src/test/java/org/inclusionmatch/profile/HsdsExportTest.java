package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The catalogue as Open Referral HSDS 3.1: every exported service and organization validates against the HSDS
 * schemas, and nothing about a person is in it.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class HsdsExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field name the export may contain, at any depth: HSDS names of catalogue records only. */
    private static final Set<String> FIELDS = Set.of(
            "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents",
            "id", "organization_id", "program_id", "name", "alternate_name", "description", "status",
            "eligibility_description", "last_modified", "service_areas", "service_id", "capacities", "unit",
            "available", "maximum", "updated", "attributes", "link_id", "link_type", "link_entity", "value", "label",
            "organization", "program", "programs");

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = HsdsExportTest.class.getResourceAsStream("/hsds-3.1/" + name + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }

    private static List<JsonNode> all(String what, String language) throws IOException {
        List<JsonNode> contents = new ArrayList<>();
        for (int page = 1; ; page++) {
            String body = Api.json().header("Accept-Language", language).queryParam("page", page).queryParam("per_page", 100)
                    .get("/api/v1/open-data/hsds/" + what).then().statusCode(200).extract().asString();
            JsonNode answer = JSON.readTree(body);
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            answer.get("contents").forEach(contents::add);
            if (answer.get("last_page").asBoolean()) {
                assertThat(contents).hasSize(answer.get("total_items").asInt());
                return contents;
            }
        }
    }

    @Test
    void servicesAndOrganizationsValidateAgainstHsds31AndCarryTheCatalogue() throws IOException {
        String org = Api.createOrganisation();
        Map<String, Object> programme = Api.programme(Api.unique("HSDS-P"), org);
        programme.put("eligibility", "person.targetGroups.exists(g, g in ['OVER_50', 'ROMA'])");
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> measure = Api.measure(Api.unique("HSDS-M"), org);
        measure.put("programmeId", programmeId);
        measure.put("regions", List.of("PIERIGA", "VIDZEME"));
        measure.put("remote", true);
        measure.put("goals", List.of("OPEN_LABOUR_MARKET"));
        String measureId = Api.json().body(measure).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        JsonSchema serviceSchema = schema("service");
        JsonSchema organizationSchema = schema("organization");
        for (String language : List.of("lv", "en")) {
            List<JsonNode> services = all("services", language);
            for (JsonNode service : services) {
                assertThat(serviceSchema.validate(service)).as(service.get("alternate_name").asText()).isEmpty();
            }
            for (JsonNode organization : all("organizations", language)) {
                assertThat(organizationSchema.validate(organization)).as(organization.get("alternate_name").asText()).isEmpty();
            }
            JsonNode ours = services.stream().filter(s -> s.get("id").asText().equals(measureId)).findFirst().orElseThrow();
            assertThat(ours.get("program_id").asText()).isEqualTo(programmeId);
            assertThat(ours.get("organization").get("id").asText()).isEqualTo(org);
            assertThat(ours.at("/capacities/0/available").asInt()).isEqualTo(8);
            assertThat(ours.at("/capacities/0/maximum").asInt()).isEqualTo(10);
            assertThat(ours.get("eligibility_description").asText()).contains("OVER_50");
            List<String> areas = new ArrayList<>();
            ours.get("service_areas").forEach(area -> areas.add(area.get("name").asText()));
            assertThat(areas).hasSize(3).contains(language.equals("lv") ? "Pierīga" : "Pieriga");
        }
    }

    @Test
    void theSchemaRefusesWhatHsdsDoesNotAllow() throws IOException {
        JsonNode service = all("services", "en").getFirst();
        ObjectNode broken = service.deepCopy();
        broken.put("status", "open");
        broken.put("id", "not-a-uuid");
        broken.remove("name");
        assertThat(schema("service").validate(broken)).extracting(ValidationMessage::getMessage).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void nothingAboutAPersonIsExported() throws IOException {
        String org = Api.createOrganisation();
        String measureId = Api.json().body(Api.measure(Api.unique("HSDS-PRIV"), org)).post("/api/v1/measures").then()
                .statusCode(201).extract().path("id");
        Map<String, Object> person = Api.person(org);
        String marker = Api.unique("SECRET-REF");
        person.put("externalRef", marker);
        person.put("municipality", "Zilupe-" + marker);
        // a target group of its own: the catalogue's rules name the usual ones (SINGLE_PARENT, ...) as who a programme is for
        String group = "TG_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        person.put("targetGroups", List.of(group));
        String personId = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String enrolmentId = Api.caseworker(org).body(Map.of("personId", personId, "measureId", measureId))
                .post("/api/v1/enrolments").then().statusCode(201).extract().path("id");

        StringBuilder everything = new StringBuilder();
        Set<String> fields = new TreeSet<>();
        for (String what : List.of("services", "organizations")) {
            for (String language : List.of("lv", "en")) {
                for (JsonNode record : all(what, language)) {
                    everything.append(record).append('\n');
                    collectFields(record, fields);
                }
            }
        }
        assertThat(everything.toString()).doesNotContain(personId).doesNotContain(enrolmentId).doesNotContain(marker)
                .doesNotContain("Zilupe").doesNotContain(group);
        assertThat(fields).isSubsetOf(FIELDS);
        // the enrolment holds a place: seen only as one fewer free place
        JsonNode service = all("services", "en").stream().filter(s -> s.get("id").asText().equals(measureId)).findFirst().orElseThrow();
        assertThat(service.at("/capacities/0/available").asInt()).isEqualTo(7);
    }

    @Test
    void pagesAreHsdsPagesAndBadParametersAreProblems() {
        Api.json().get("/api/v1/open-data/hsds").then().statusCode(200).body("version", equalTo("3.1"));
        Api.json().queryParam("page", 100000).get("/api/v1/open-data/hsds/services").then().statusCode(200)
                .body("empty", equalTo(true), "last_page", equalTo(true), "size", equalTo(0));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("page", 0), Map.of("per_page", 0),
                Map.of("per_page", 101), Map.of("page", "x"), Map.of("page", -1))) {
            Api.json().queryParams(bad).get("/api/v1/open-data/hsds/services").then().statusCode(400);
        }
        Api.anonymous().get("/api/v1/open-data/hsds/services").then().statusCode(401);
        Api.matcher().get("/api/v1/open-data/hsds/organizations").then().statusCode(200);
    }

    private static void collectFields(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.add(field.getKey());
                collectFields(field.getValue(), fields);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectFields(child, fields));
        }
    }
}
