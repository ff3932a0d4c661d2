package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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

    private static String programme(String operator) {
        return Api.json().body(Api.programme(Api.unique("QP"), operator)).post("/api/v1/programmes").then().statusCode(201)
                .extract().path("id");
    }
}
