package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Participants and outcomes that reproduce the seed figures give exactly those figures back. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class InclusionReportTest {

    private static final List<String> INCLUDED = List.of("EMPLOYED", "IN_EDUCATION", "SELF_EMPLOYED");

    /** Creates {@code participants} persons in the region, of whom {@code included} are in work or education. */
    private static void participants(String org, String programme, String region, String from, String to,
                                     int participants, int included) {
        for (int i = 0; i < participants; i++) {
            Map<String, Object> person = Api.person(org);
            person.put("region", region);
            person.put("targetGroups", List.of(i % 2 == 0 ? "OVER_50" : "SINGLE_PARENT"));
            String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
            String status = i < included ? INCLUDED.get(i % 3) : "NOT_INCLUDED";
            Api.caseworker(org).body(Map.of("personId", id, "programmeId", programme, "periodStart", from, "periodEnd", to,
                    "status", status, "outcomeDate", to)).post("/api/v1/outcomes").then().statusCode(201);
        }
    }

    private static String programme() {
        Map<String, Object> p = Api.programme(Api.unique("MOTIV"), Api.createOrganisation());
        p.put("startDate", "2020-11-01");
        p.put("endDate", "2022-11-30");
        p.put("regions", List.of("RIGA", "PIERIGA", "VIDZEME"));
        return Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    @Test
    void theSeedFiguresComeBackExactly() {
        String org = Api.createOrganisation();
        String programme = programme();
        participants(org, programme, "PIERIGA", "2022-03-01", "2022-08-31", 57, 34);
        participants(org, programme, "PIERIGA", "2021-01-01", "2021-12-31", 119, 57);
        participants(org, programme, "VIDZEME", "2021-01-01", "2021-12-31", 119, 73);

        Api.as(List.of("PARTNER"), org).queryParam("programmeId", programme).queryParam("from", "2022-03-01").queryParam("to", "2022-08-31")
                .get("/api/v1/reports/inclusion").then().statusCode(200)
                .body("total.participants", equalTo(57), "total.included", equalTo(34), "total.ratePercent", equalTo(60),
                        "byRegion[0].region", equalTo("PIERIGA"));

        Api.as(List.of("AUDITOR"), null).queryParam("programmeId", programme).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .get("/api/v1/reports/inclusion").then().statusCode(200)
                .body("total.participants", equalTo(238), "total.included", equalTo(130), "total.ratePercent", equalTo(55),
                        "byRegion.find { it.region == 'PIERIGA' }.participants", equalTo(119),
                        "byRegion.find { it.region == 'PIERIGA' }.included", equalTo(57),
                        "byRegion.find { it.region == 'PIERIGA' }.ratePercent", equalTo(48),
                        "byRegion.find { it.region == 'VIDZEME' }.participants", equalTo(119),
                        "byRegion.find { it.region == 'VIDZEME' }.included", equalTo(73),
                        "byRegion.find { it.region == 'VIDZEME' }.ratePercent", equalTo(61));

        Api.as(List.of("PARTNER"), org).queryParam("programmeId", programme).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .queryParam("region", "VIDZEME").get("/api/v1/reports/inclusion").then()
                .body("total.participants", equalTo(119), "total.included", equalTo(73));

        String csv = Api.as(List.of("PARTNER"), org).accept("text/csv").queryParam("programmeId", programme).queryParam("from", "2021-01-01")
                .queryParam("to", "2021-12-31").get("/api/v1/reports/inclusion").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).hasSize(4)
                .anyMatch(l -> l.contains(",PIERIGA,119,57,48,false"))
                .anyMatch(l -> l.contains(",VIDZEME,119,73,61,false"))
                .anyMatch(l -> l.contains(",TOTAL,238,130,55,false"));
    }

    @Test
    void smallCellsAreSuppressedAndCannotBeWorkedOutFromTheTotal() {
        String org = Api.createOrganisation();
        String programme = programme();
        participants(org, programme, "RIGA", "2023-01-01", "2023-06-30", 3, 2);
        participants(org, programme, "PIERIGA", "2023-01-01", "2023-06-30", 20, 10);
        participants(org, programme, "VIDZEME", "2023-01-01", "2023-06-30", 30, 12);
        Api.as(List.of("ADMIN"), org).queryParam("programmeId", programme).queryParam("from", "2023-01-01").queryParam("to", "2023-06-30")
                .get("/api/v1/reports/inclusion").then().statusCode(200)
                .body("total.participants", equalTo(53), "total.included", equalTo(24),
                        "byRegion.find { it.region == 'RIGA' }.participants", nullValue(),
                        "byRegion.find { it.region == 'RIGA' }.suppressed", equalTo(true),
                        // otherwise RIGA = total - PIERIGA - VIDZEME
                        "byRegion.find { it.region == 'PIERIGA' }.included", nullValue(),
                        "byRegion.find { it.region == 'PIERIGA' }.suppressed", equalTo(true),
                        "byRegion.find { it.region == 'VIDZEME' }.included", equalTo(12));
    }

    @Test
    void badReportRequestsAreClear() {
        Api.json().get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("programmeId"));
        Api.json().queryParam("programmeId", programme()).queryParam("from", "2021").queryParam("to", "2021-12-31")
                .get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("from"));
        Api.as(List.of("MATCHER"), null).queryParam("programmeId", programme()).get("/api/v1/reports/inclusion").then().statusCode(403);
    }
}
