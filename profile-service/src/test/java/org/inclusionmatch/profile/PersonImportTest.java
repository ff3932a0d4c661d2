package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.identity.SyntheticCodes;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The bulk import: per-line errors with the good lines kept, all or nothing on request, idempotent by externalRef,
 * one event and one audit entry per created or updated person, references per organisation, and its refusals.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class PersonImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORT = "/api/v1/persons/import";

    @Inject
    DataSource dataSource;

    @Test
    void refusedLinesAreReportedByNumberAndTheGoodOnesKept() throws Exception {
        String org = Api.createOrganisation();
        Map<String, Object> future = line("F-1");
        future.put("birthYear", 2099);
        Map<String, Object> noRef = line(null);
        Map<String, Object> wrongArchetype = line("W-1");
        wrongArchetype.put("archetype", "FOUNDER");
        Map<String, Object> badFields = line("B-1");
        badFields.put("birthYear", 1800);
        badFields.put("needs", List.of("housing"));
        String body = ndjson(line("A-1"), "", future, "{not json", line("A-2"), line("A-1"), noRef, wrongArchetype,
                badFields, "   ", "[1, 2]");

        JsonPath report = importing(org, body, "").statusCode(200).extract().jsonPath();

        assertThat(report.getLong("received")).isEqualTo(9);
        assertThat(report.getLong("created")).isEqualTo(2);
        assertThat(report.getLong("updated") + report.getLong("unchanged")).isZero();
        assertThat(report.getLong("rejected")).isEqualTo(7);
        assertThat(report.getBoolean("errorsTruncated")).isFalse();
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(3, 4, 6, 7, 8, 9, 11);
        assertThat(report.getList("errors.externalRef", String.class)).containsExactly("F-1", null, "A-1", null, "W-1", "B-1", null);
        assertThat(report.getString("errors[1].detail")).contains("not valid JSON");
        assertThat(report.getString("errors[2].detail")).contains("line 1");
        assertThat(report.getList("errors[3].errors.field", String.class)).containsExactly("externalRef");
        assertThat(report.getList("errors[5].errors.field", String.class)).containsExactly("birthYear", "needs[0]");
        assertThat(report.getString("errors[6].detail")).contains("JSON object");

        // The same rules and messages as POST /persons.
        for (Map<String, Object> refused : List.of(future, wrongArchetype, badFields)) {
            Map<String, Object> post = new HashMap<>(refused);
            post.remove("externalRef");
            List<Map<String, String>> viaPost = Api.caseworker(org).body(post).post("/api/v1/persons")
                    .then().statusCode(400).extract().jsonPath().getList("violations");
            int index = refused == future ? 0 : refused == wrongArchetype ? 4 : 5;
            assertThat(report.getList("errors[" + index + "].errors")).isEqualTo(viaPost);
        }
        assertThat(persons(org)).containsOnlyKeys("A-1", "A-2");
    }

    @Test
    void atomicStoresNothingWhenAnyLineIsRefused() {
        String org = Api.createOrganisation();
        Map<String, Object> bad = line("X-2");
        bad.put("gender", "SOMETIMES");
        String body = ndjson(line("X-1"), bad, line("X-3"));

        Api.caseworker(org).contentType("application/x-ndjson").body(utf8(body)).post(IMPORT + "?atomic=true")
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422), "rejected", equalTo(1), "received", equalTo(3),
                        "errors[0].line", equalTo(2), "errors[0].externalRef", equalTo("X-2"),
                        "errors[0].errors[0].field", equalTo("gender"));
        assertThat(persons(org)).isEmpty();
        assertThat(outboxRows(org)).isZero();

        importing(org, ndjson(line("X-1"), line("X-3")), "?atomic=true").statusCode(200)
                .body("created", equalTo(2), "rejected", equalTo(0), "errors", hasSize(0));
        assertThat(persons(org)).containsOnlyKeys("X-1", "X-3");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndAChangedLineIsAnUpdate() throws Exception {
        String org = Api.createOrganisation();
        List<Map<String, Object>> lines = IntStream.range(0, 1200 / 2).mapToObj(i -> line("P-" + i)).toList();
        String file = ndjson(lines.toArray());

        importing(org, file, "").statusCode(200).body("created", equalTo(600), "updated", equalTo(0), "unchanged", equalTo(0));
        assertThat(outboxRows(org)).isEqualTo(600);
        importing(org, file, "").statusCode(200).body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(600));
        assertThat(outboxRows(org)).isEqualTo(600);

        lines.get(7).put("needs", List.of("HOUSING"));
        lines.get(599).put("matchingAllowed", false);
        importing(org, ndjson(lines.toArray()), "").statusCode(200)
                .body("created", equalTo(0), "updated", equalTo(2), "unchanged", equalTo(598));
        Map<String, String> ids = persons(org);
        Api.caseworker(org).get("/api/v1/persons/" + ids.get("P-7")).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1), "needs", equalTo(List.of("HOUSING")), "externalRef", equalTo("P-7"));
        Api.caseworker(org).get("/api/v1/persons/" + ids.get("P-8")).then().body("version", equalTo(0));
        assertThat(events(ids.get("P-7"))).containsExactly("PERSON_CREATED:0", "PERSON_UPDATED:1");
        assertThat(events(ids.get("P-599"))).containsExactly("PERSON_CREATED:0", "PERSON_UPDATED:1");
        assertThat(outboxRows(org)).isEqualTo(602);
    }

    @Test
    void eachCreatedOrUpdatedPersonIsAuditedByPersonId() {
        String org = Api.createOrganisation();
        importing(org, ndjson(line("AU-1"), line("AU-2")), "").statusCode(200);
        Map<String, Object> changed = line("AU-1");
        changed.put("municipality", "Valmiera");
        importing(org, ndjson(changed, line("AU-2")), "").statusCode(200).body("updated", equalTo(1), "unchanged", equalTo(1));
        Map<String, String> ids = persons(org);

        JsonPath first = audit(ids.get("AU-1"));
        assertThat(first.getList("items.findAll { it.resourceType == 'PERSON' }.operation", String.class))
                .contains("CREATE", "UPDATE");
        assertThat(first.getList("items.findAll { it.operation == 'CREATE' }.subject", String.class)).containsOnly("test-caseworker");
        assertThat(first.getList("items.findAll { it.operation == 'UPDATE' }.organisationId", String.class)).containsOnly(org);
        JsonPath second = audit(ids.get("AU-2"));
        assertThat(second.getList("items.findAll { it.resourceType == 'PERSON' && it.operation != 'LIST' }.operation", String.class))
                .containsExactly("CREATE"); // the unchanged second import wrote nothing about this person
    }

    @Test
    void referencesArePerOrganisationAndUniqueWithinOne() {
        String one = Api.createOrganisation();
        String other = Api.createOrganisation();
        importing(one, ndjson(line("SAME-1")), "").statusCode(200).body("created", equalTo(1));
        importing(other, ndjson(line("SAME-1")), "").statusCode(200).body("created", equalTo(1), "unchanged", equalTo(0));
        assertThat(persons(one).get("SAME-1")).isNotEqualTo(persons(other).get("SAME-1"));

        Map<String, Object> post = line("SAME-1");
        Api.caseworker(one).body(post).post("/api/v1/persons").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("externalRef"));
        post.put("externalRef", "SAME-2");
        String id = Api.caseworker(one).body(post).post("/api/v1/persons").then().statusCode(201)
                .body("externalRef", equalTo("SAME-2")).extract().path("id");
        post.put("externalRef", "SAME-1");
        Api.caseworker(one).header("If-Match", "\"0\"").body(post).put("/api/v1/persons/" + id).then().statusCode(409);
        post.put("externalRef", "bad\u0007ref");
        Api.caseworker(one).body(post).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("externalRef"));
        post.put("externalRef", "x".repeat(65));
        Api.caseworker(one).body(post).post("/api/v1/persons").then().statusCode(400);
        post.remove("externalRef");
        Api.caseworker(one).body(post).post("/api/v1/persons").then().statusCode(201).body("externalRef", nullValue());
    }

    @Test
    void onlyAdminsAndCaseworkersOfAnOrganisationMayImport() {
        String org = Api.createOrganisation();
        String body = ndjson(line("R-1"));
        for (String role : List.of("PARTNER", "MATCHER", "AUDITOR")) {
            Api.as(List.of(role), org).contentType("application/x-ndjson").body(utf8(body)).post(IMPORT)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        Api.anonymous().contentType("application/x-ndjson").body(utf8(body)).post(IMPORT).then().statusCode(401);
        Api.as(List.of("CASEWORKER"), null).contentType("application/x-ndjson").body(utf8(body)).post(IMPORT).then().statusCode(403);
        assertThat(persons(org)).isEmpty();
        Api.as(List.of("ADMIN"), org).contentType("application/x-ndjson").body(utf8(body)).post(IMPORT)
                .then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void anotherContentTypeIsA415AndTooManyLinesA413() {
        String org = Api.createOrganisation();
        Api.caseworker(org).body(List.of(line("C-1"))).post(IMPORT).then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/x-ndjson"));
        Api.caseworker(org).contentType("text/plain").body(ndjson(line("C-1"))).post(IMPORT).then().statusCode(415);

        // Test profile: at most 1,000 lines. Padded lines make the body larger than max-body-size (1 MiB) too.
        String padding = " ".repeat(1100);
        String tooLong = IntStream.range(0, 1001).mapToObj(i -> write(line("L-" + i)).replaceFirst("\\{", "{" + padding))
                .collect(Collectors.joining("\n"));
        assertThat(tooLong.length()).isGreaterThan(1024 * 1024);
        Api.caseworker(org).contentType("application/x-ndjson").body(utf8(tooLong)).post(IMPORT + "?atomic=true")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("nothing was stored"));
        assertThat(persons(org)).isEmpty();

        String fits = tooLong.substring(0, tooLong.lastIndexOf('\n'));
        importing(org, fits, "").statusCode(200).body("created", equalTo(1000), "received", equalTo(1000));
        // Sent chunked, without a Content-Length, the same body is read to its end as well.
        importer(org).body(new java.io.ByteArrayInputStream(utf8(fits))).post(IMPORT)
                .then().statusCode(200).body("unchanged", equalTo(1000), "received", equalTo(1000));
    }

    // --- helpers ---

    /**
     * Issue 26: a line may carry a personal code. Found by its code as well as by its reference: a person created
     * without a reference takes the line's; a code another person of the organisation has refuses the line, naming
     * that person; a code twice in a file refuses the second line; the same file again changes nothing.
     */
    @Test
    void personalCodesFindTheSamePersonAndRefuseAnotherOnesCode() {
        String org = Api.createOrganisation();
        String known = SyntheticCodes.next(true);
        Map<String, Object> withoutRef = Api.person(org);
        withoutRef.put("personalCode", known);
        String adopted = Api.caseworker(org).body(withoutRef).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String taken = SyntheticCodes.next(false);
        Map<String, Object> holder = Api.person(org);
        holder.put("personalCode", taken);
        holder.put("externalRef", "H-1");
        String holderId = Api.caseworker(org).body(holder).post("/api/v1/persons").then().statusCode(201).extract().path("id");

        String fresh = SyntheticCodes.next(false);
        Map<String, Object> byCode = line("K-1");
        byCode.put("personalCode", known.replace("-", ""));
        Map<String, Object> newOne = line("N-1");
        newOne.put("personalCode", fresh);
        Map<String, Object> again = line("N-2");
        again.put("personalCode", fresh);
        Map<String, Object> stealing = line("S-1");
        stealing.put("personalCode", taken);
        Map<String, Object> badDigit = line("B-1");
        badDigit.put("personalCode", fresh.substring(0, 10) + (char) ('0' + (fresh.charAt(10) - '0' + 1) % 10));
        String body = ndjson(byCode, newOne, again, stealing, badDigit);

        JsonPath report = importing(org, body, "").statusCode(200).extract().jsonPath();
        assertThat(report.getLong("created")).isEqualTo(1);
        assertThat(report.getLong("updated")).isEqualTo(1);
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(3, 4, 5);
        assertThat(report.getString("errors[0].detail")).contains("line 2");
        assertThat(report.getString("errors[1].detail")).contains(holderId).contains("H-1");
        assertThat(report.getList("errors[2].errors.field", String.class)).containsExactly("personalCode");
        assertThat(report.prettify()).doesNotContain(fresh).doesNotContain(taken).doesNotContain(known.replace("-", ""));
        Map<String, String> persons = persons(org);
        assertThat(persons).containsEntry("K-1", adopted).containsKey("N-1").containsEntry("H-1", holderId);
        assertThat(audit(persons.get("N-1")).getList("items.findAll { it.resourceType == 'PERSONAL_CODE' }.operation"))
                .containsExactly("CREATE");

        JsonPath second = importing(org, ndjson(byCode, newOne), "").statusCode(200).extract().jsonPath();
        assertThat(second.getLong("unchanged")).isEqualTo(2);
        assertThat(second.getLong("created") + second.getLong("updated") + second.getLong("rejected")).isZero();
    }

    private static ValidatableResponse importing(String org, String body, String query) {
        return importer(org).body(utf8(body)).post(IMPORT + query).then();
    }

    private static RequestSpecification importer(String org) {
        return Api.caseworker(org).contentType("application/x-ndjson");
    }

    private static byte[] utf8(String body) {
        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> line(String externalRef) {
        Map<String, Object> person = Api.person(null);
        person.remove("organisationId");
        if (externalRef != null) {
            person.put("externalRef", externalRef);
        }
        return person;
    }

    private static String ndjson(Object... lines) {
        return java.util.Arrays.stream(lines).map(l -> l instanceof String s ? s : write(l)).collect(Collectors.joining("\n")) + "\n";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** externalRef -> id of the organisation's persons. */
    private static Map<String, String> persons(String org) {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonPath list = Api.caseworker(org).queryParam("size", 100).queryParam("page", page).get("/api/v1/persons")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = list.getList("items");
            items.forEach(item -> ids.put((String) item.get("externalRef"), (String) item.get("id")));
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    private static JsonPath audit(String personId) {
        return Api.as(List.of("AUDITOR"), null).queryParam("personId", personId).queryParam("size", 100)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }

    private long outboxRows(String org) {
        return query("select count(*) from outbox_event where payload::jsonb ->> 'organisationId' = ? and aggregatetype = 'PERSON'",
                org).stream().mapToLong(Long::parseLong).sum();
    }

    private List<String> events(String personId) {
        return query("select type || ':' || (payload::jsonb ->> 'aggregateVersion') from outbox_event where aggregateid = ? order by seq",
                personId);
    }

    private List<String> query(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
