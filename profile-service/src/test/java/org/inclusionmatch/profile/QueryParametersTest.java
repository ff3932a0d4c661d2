package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Enum, date, instant and UUID parameters are read by one converter: a value that does not read is a 400 naming the
 * parameter; and the inclusion report's format is chosen by content negotiation, with {@code format=csv} for links.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class QueryParametersTest {

    private static final String PROBLEM = "application/problem+json";

    private static void refused(io.restassured.response.Response response, String parameter, String rule) {
        response.then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo(parameter), "violations[0].message", containsString(rule),
                        "detail", startsWith(parameter + ": "));
    }

    @Test
    void aValueThatDoesNotReadIsA400NamingTheParameter() {
        String org = Api.createOrganisation();
        refused(Api.json().get("/api/v1/measures?region=MARS"), "region", "must be one of RIGA, PIERIGA");
        refused(Api.json().get("/api/v1/measures?kind=SPACESHIP"), "kind", "must be one of");
        refused(Api.json().get("/api/v1/organisations?kind=riga"), "kind", "must be one of");
        refused(Api.caseworker(org).get("/api/v1/persons?archetype=NOBODY"), "archetype", "must be one of");
        refused(Api.caseworker(org).get("/api/v1/enrolments?status=NOPE"), "status", "must be one of");
        refused(Api.json().get("/api/v1/measures?programmeId=not-a-uuid"), "programmeId", "must be a UUID");
        refused(Api.json().get("/api/v1/measures/not-a-uuid"), "id", "must be a UUID");
        refused(Api.as(List.of("AUDITOR"), null).get("/api/v1/audit?from=yesterday"), "from", "must be an ISO instant");
        refused(Api.as(List.of("AUDITOR"), null).queryParam("to", "+294277-01-01T00:00:00Z").get("/api/v1/audit"), "to", "between the years 1 and 9999");
        String programme = programme(org);
        refused(Api.json().get("/api/v1/reports/inclusion?programmeId=" + programme + "&from=2022-13-01"), "from", "must be a date");
        refused(Api.json().queryParam("programmeId", programme).queryParam("from", "2022-01-01")
                .queryParam("to", "+5874898-01-01").get("/api/v1/reports/inclusion"), "to", "9999-12-31");
    }

    @Test
    void anEmptyValueIsAbsentAPaddedEnumReadsAndTheCallerIsCheckedFirst() {
        Api.json().get("/api/v1/measures?region=").then().statusCode(200);
        Api.json().queryParam("region", "RIGA ").get("/api/v1/measures").then().statusCode(200);
        Api.json().get("/api/v1/reports/inclusion?programmeId=" + programme(Api.createOrganisation()) + "&from=&to=2021-12-31")
                .then().statusCode(400).body("detail", containsString("Give the period"));
        Api.anonymous().get("/api/v1/measures?region=MARS").then().statusCode(401);
    }

    @Test
    void theReportIsCsvByAcceptOrByFormatAndJsonOtherwise() {
        String programme = programme(Api.createOrganisation());
        String query = "/api/v1/reports/inclusion?programmeId=" + programme + "&from=2021-01-01&to=2021-12-31";
        var byAccept = Api.json().accept("text/csv").get(query);
        byAccept.then().statusCode(200).contentType(allOf(startsWith("text/csv"), containsString("charset=UTF-8")));
        var byFormat = Api.json().accept("application/json").get(query + "&format=csv");
        byFormat.then().statusCode(200).contentType(startsWith("text/csv"));
        assertThat(byFormat.asString()).isEqualTo(byAccept.asString())
                .startsWith("programme,from,to,region,participants,included,rate_percent,suppressed\n")
                .contains(",2021-01-01,2021-12-31,TOTAL,");

        Api.json().accept("text/csv").get(query + "&format=json").then().statusCode(200)
                .contentType(startsWith("application/json")).body("programmeId", equalTo(programme));
        Api.json().get(query).then().statusCode(200).contentType(startsWith("application/json"));
    }

    private static final String NOT_TAKEN = "is not a query parameter of this operation";

    @Test
    void anUnknownParameterIsA400NamingItOnEveryKindOfOperation() {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        // a misspelt filter no longer answers with everything
        Api.json().queryParam("id", UUID.randomUUID()).get("/api/v1/measures").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://inclusion-match.org/problems/validation"),
                        "violations.field", equalTo(List.of("id")), "violations[0].message", containsString(NOT_TAKEN),
                        "detail", allOf(startsWith("Unknown query parameters: 'id'. This operation takes: "),
                                containsString("code, goal, kind, need, page, programmeId, providerId, region, remote, size")));
        Api.caseworker(org).queryParam("personid", person).get("/api/v1/enrolments").then().statusCode(400)
                .body("violations[0].field", equalTo("personid")); // names are case-sensitive
        Api.caseworker(org).queryParam("name", "x").queryParam("archetype", "FOUNDER").queryParam("birthYear", 1990)
                .get("/api/v1/persons").then().statusCode(400).body("violations.field", equalTo(List.of("birthYear", "name")));
        Api.caseworker(org).queryParam("sort", "decidedAt").get("/api/v1/persons/" + person + "/decisions").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"), "detail", endsWith("This operation takes: page, size"));
        Api.caseworker(org).queryParam("lang", "en").get("/api/v1/vocabulary").then().statusCode(400)
                .body("violations[0].field", equalTo("lang"), "detail", endsWith("This operation takes: none"));
        Api.json().queryParam("programmeId", programme(org)).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .queryParam("fmt", "csv").get("/api/v1/reports/inclusion").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("fmt"), "detail", containsString("format"));
        // writes too, before anything is stored
        Map<String, Object> body = Api.person(org);
        body.put("externalRef", Api.unique("DRY"));
        Api.caseworker(org).queryParam("dryRun", "true").body(body).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("dryRun"));
        Api.caseworker(org).queryParam("externalRef", body.get("externalRef")).get("/api/v1/persons").then().statusCode(400);
        Api.caseworker(org).get("/api/v1/persons?size=100").then().statusCode(200)
                .body("items.externalRef", not(hasItem(body.get("externalRef"))));
        // the caller is checked first; the answer is in the caller's language; a hostile name is cut and made printable
        Api.anonymous().queryParam("id", "x").get("/api/v1/measures").then().statusCode(401);
        Api.json().header("Accept-Language", "lv").queryParam("id", "x").get("/api/v1/measures").then().statusCode(400)
                .body("detail", startsWith("Nezināmi vaicājuma parametri: 'id'. Šī darbība pieņem: code, goal"));
        String hostile = "\u202e" + "x".repeat(300);
        Api.json().queryParam(hostile, "1").get("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", equalTo("?" + "x".repeat(63) + "..."));
    }

    /**
     * Walks the served document: every documented query parameter of every GET still passes, and on every operation
     * (every method) a parameter it does not document is a 400 naming it.
     */
    @Test
    void everyDocumentedParameterPassesAndAnyOtherIsRefusedOnEveryOperation() throws Exception {
        String org = Api.createOrganisation();
        JsonNode doc = Api.servedDocuments();
        List<Function<String, RequestSpecification>> callers = List.of(x -> Api.json(), x -> Api.caseworker(org),
                x -> Api.as(List.of("PARTNER"), org), x -> Api.as(List.of("AUDITOR"), null), x -> Api.matcher());
        List<String> refused = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        int gets = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                String url = path.getKey();
                Map<String, String> query = new LinkedHashMap<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    JsonNode p = parameter.has("$ref") ? doc.at(parameter.path("$ref").asText().substring(1)) : parameter;
                    String value = sample(doc, p.path("schema"));
                    if (p.path("in").asText().equals("path")) {
                        url = url.replace("{" + p.path("name").asText() + "}", value);
                    } else if (p.path("in").asText().equals("query")) {
                        query.put(p.path("name").asText(), value);
                    }
                }
                String target = url;
                operations++;
                // a parameter the operation does not take, alone: refused by name
                Response unknown = callAs(callers, method, target, Map.of("notAParameter", "1"));
                if (unknown.statusCode() != 400 || !"notAParameter".equals(unknown.path("violations[0].field"))) {
                    refused.add(method + " " + target + ": " + unknown.statusCode() + " " + unknown.asString());
                }
                if (method.equals("GET") && !query.isEmpty()) {
                    gets++;
                    Response known = callAs(callers, method, target, query);
                    if (known.asString().contains(NOT_TAKEN)) {
                        passed.add(method + " " + target + " " + query + ": " + known.asString());
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(gets).isGreaterThan(12);
        assertThat(refused).as("operations that took a parameter they do not document").isEmpty();
        assertThat(passed).as("documented parameters refused as unknown").isEmpty();
    }

    /** The first answer that is not a 401 or 403, trying the callers in turn (no body; the refusal comes before it). */
    private static Response callAs(List<Function<String, RequestSpecification>> callers, String method, String url,
                                   Map<String, String> query) {
        Response answer = null;
        for (Function<String, RequestSpecification> caller : callers) {
            answer = caller.apply(null).queryParams(query).request(method, url);
            if (answer.statusCode() != 401 && answer.statusCode() != 403) {
                return answer;
            }
        }
        return answer;
    }

    /** A value the schema accepts: its first enum value, default or example, else one of its type. */
    private static String sample(JsonNode doc, JsonNode schema) {
        JsonNode s = schema.has("$ref") ? doc.at(schema.path("$ref").asText().substring(1)) : schema;
        if (s.has("enum")) {
            return s.path("enum").get(0).asText();
        }
        if (s.has("default")) {
            return s.path("default").asText();
        }
        String format = s.path("format").asText();
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText();
        if (format.equals("uuid") || s.path("pattern").asText().contains("[0-9a-fA-F]{8}")) {
            return UUID.randomUUID().toString();
        }
        return switch (format) {
            case "date" -> "2021-01-01";
            case "date-time" -> "2021-01-01T00:00:00Z";
            default -> switch (type) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> s.has("examples") ? s.path("examples").get(0).asText() : "X";
            };
        };
    }

    private static String programme(String operator) {
        return Api.json().body(Api.programme(Api.unique("QP"), operator)).post("/api/v1/programmes").then().statusCode(201)
                .extract().path("id");
    }
}
