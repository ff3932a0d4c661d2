package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The inclusion report gives the seed figures back within the published noise, and the attacks of a data
 * protection officer (subtraction of regions, filters, neighbouring periods, padded cells) give no exact count of
 * a group under five. The statistics of the noise itself are tried in CellKeyMethodTest.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class InclusionReportTest {

    private static final List<String> INCLUDED = List.of("EMPLOYED", "IN_EDUCATION", "SELF_EMPLOYED");

    /**
     * Creates {@code participants} persons in the region, of whom {@code included} are in work or education. Sent by
     * a few clients at once, as case workers would: one after another, the ~700 writes of this class took 20 s.
     */
    private static List<String> participants(String org, String programme, String region, String from, String to,
                                             int participants, int included, String targetGroup) {
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < participants; i++) {
                int n = i;
                outcomes.add(clients.submit(() -> participant(org, programme, region, from, to,
                        n < included ? INCLUDED.get(n % 3) : "NOT_INCLUDED",
                        targetGroup != null ? targetGroup : n % 2 == 0 ? "OVER_50" : "SINGLE_PARENT")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                ids.add(outcome.get());
            }
            return ids;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String participant(String org, String programme, String region, String from, String to,
                                      String status, String targetGroup) {
        Map<String, Object> person = Api.person(org);
        person.put("region", region);
        person.put("targetGroups", List.of(targetGroup));
        String id = Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        return Api.caseworker(org).body(Map.of("personId", id, "programmeId", programme, "periodStart", from,
                "periodEnd", to, "status", status, "outcomeDate", to)).post("/api/v1/outcomes").then().statusCode(201)
                .extract().path("id");
    }

    /** A programme operated by {@code operator}, whose case workers may record its outcomes. */
    private static String programme(String operator) {
        Map<String, Object> p = Api.programme(Api.unique("MOTIV"), operator);
        p.put("startDate", "2020-11-01");
        p.put("endDate", "2023-12-31");
        p.put("regions", List.of("RIGA", "PIERIGA", "VIDZEME"));
        return Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    private static JsonPath report(String programme, String from, String to, String... filters) {
        var request = Api.as(List.of("AUDITOR"), null).queryParam("programmeId", programme).queryParam("from", from)
                .queryParam("to", to);
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/api/v1/reports/inclusion").then().statusCode(200).extract().jsonPath();
    }

    private static Integer region(JsonPath report, String region, String field) {
        return report.get("byRegion.find { it.region == '" + region + "' }." + field);
    }

    /** Every count in the report is either withheld or at least the threshold. */
    private static void nothingBelowTheThreshold(JsonPath report) {
        List<Integer> counts = new ArrayList<>();
        counts.add(report.get("total.participants"));
        counts.add(report.get("total.included"));
        counts.addAll(report.getList("byRegion.participants"));
        counts.addAll(report.getList("byRegion.included"));
        assertThat(counts).allMatch(c -> c == null || c >= 5);
    }

    @Test
    void theSeedFiguresComeBackWithinTheNoise() {
        String org = Api.createOrganisation();
        String programme = programme(org);
        participants(org, programme, "PIERIGA", "2022-03-01", "2022-08-31", 57, 34, null);
        participants(org, programme, "PIERIGA", "2021-01-01", "2021-12-31", 119, 57, null);
        participants(org, programme, "VIDZEME", "2021-01-01", "2021-12-31", 119, 73, null);

        JsonPath spring = report(programme, "2022-03-01", "2022-08-31");
        assertThat(spring.getInt("total.participants")).isBetween(55, 59);
        assertThat(spring.getInt("total.included")).isBetween(32, 36);
        // the rate is the published figures' own (34/57 = 60 %; with the noise anywhere from 32/59 to 36/55)
        assertThat(spring.getInt("total.ratePercent"))
                .isEqualTo((int) Math.round(100.0 * spring.getInt("total.included") / spring.getInt("total.participants")))
                .isBetween(54, 66);
        assertThat(spring.getString("disclosureControl")).isEqualTo("CELL_KEY_PERTURBATION");

        JsonPath year = report(programme, "2021-01-01", "2021-12-31");
        assertThat(year.getInt("total.participants")).isBetween(236, 240);
        assertThat(year.getInt("total.included")).isBetween(128, 132);
        assertThat(region(year, "PIERIGA", "participants")).isBetween(117, 121);
        assertThat(region(year, "PIERIGA", "included")).isBetween(55, 59);
        assertThat(region(year, "VIDZEME", "included")).isBetween(71, 75);

        // The same people give the same figures, however the cell is asked for.
        JsonPath vidzeme = report(programme, "2021-01-01", "2021-12-31", "region", "VIDZEME");
        assertThat(vidzeme.getInt("total.participants")).isEqualTo(region(year, "VIDZEME", "participants"));
        assertThat(vidzeme.getInt("total.included")).isEqualTo(region(year, "VIDZEME", "included"));
        assertThat(report(programme, "2021-01-01", "2021-12-31").prettify()).isEqualTo(year.prettify());

        String csv = Api.as(List.of("PARTNER"), org).accept("text/csv").queryParam("programmeId", programme)
                .queryParam("from", "2021-01-01").queryParam("to", "2021-12-31").get("/api/v1/reports/inclusion")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        // every region, in the fixed order, whoever is counted (issue 21): the empty ones suppressed, then the total
        List<String> regions = List.of("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE");
        assertThat(year.getList("byRegion.region")).isEqualTo(regions);
        assertThat(vidzeme.getList("byRegion.region")).isEqualTo(regions);
        assertThat(year.getBoolean("byRegion.find { it.region == 'LATGALE' }.suppressed")).isTrue();
        assertThat(region(year, "LATGALE", "participants")).isNull();
        assertThat(csv.lines().toList()).hasSize(1 + 6 + 1);
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[3]).toList())
                .containsExactly("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE", "TOTAL");
        assertThat(csv).contains(",VIDZEME," + region(year, "VIDZEME", "participants") + ","
                + region(year, "VIDZEME", "included") + ",");
    }

    /**
     * The attack from the review: RIGA has 3 participants (2 included). Before, total 53/24 minus PIERIGA 20 and
     * VIDZEME 30 gave RIGA's 3, and region=PIERIGA gave the included count that the protecting row withheld.
     */
    @Test
    void subtractionAcrossRegionsFiltersAndPeriodsGivesNoSmallCount() {
        String org = Api.createOrganisation();
        String programme = programme(org);
        participants(org, programme, "RIGA", "2023-01-01", "2023-06-30", 3, 2, "ROMA");
        participants(org, programme, "PIERIGA", "2023-01-01", "2023-06-30", 20, 10, null);
        participants(org, programme, "VIDZEME", "2023-01-01", "2023-06-30", 30, 12, null);
        // a month later, two more in RIGA: a neighbouring period differs from this one by a small group
        participants(org, programme, "RIGA", "2023-07-01", "2023-07-31", 2, 1, "ROMA");

        JsonPath all = report(programme, "2023-01-01", "2023-06-30");
        nothingBelowTheThreshold(all);
        assertThat(region(all, "RIGA", "participants")).isNull();
        assertThat(region(all, "RIGA", "included")).isNull();
        assertThat(all.getBoolean("byRegion.find { it.region == 'RIGA' }.suppressed")).isTrue();
        // every figure shown is the true one moved by the noise, at most 2 either way
        assertThat(all.getInt("total.participants")).isBetween(51, 55);
        assertThat(region(all, "PIERIGA", "participants")).isBetween(18, 22);

        // asking for a protecting row on its own gives the very same (perturbed) figures as in the full report
        for (String region : List.of("PIERIGA", "VIDZEME")) {
            JsonPath alone = report(programme, "2023-01-01", "2023-06-30", "region", region);
            assertThat(alone.getInt("total.participants")).isEqualTo(region(all, region, "participants"));
            assertThat((Integer) alone.get("total.included")).isEqualTo(region(all, region, "included"));
            nothingBelowTheThreshold(alone);
        }
        // a special category narrows to the 3 (or 5) people of RIGA: withheld altogether
        for (String[] period : new String[][] {{"2023-01-01", "2023-06-30"}, {"2023-01-01", "2023-07-31"}, {"2023-07-01", "2023-07-31"}}) {
            JsonPath roma = report(programme, period[0], period[1], "targetGroup", "ROMA");
            nothingBelowTheThreshold(roma);
            JsonPath rigaRoma = report(programme, period[0], period[1], "targetGroup", "ROMA", "region", "RIGA");
            nothingBelowTheThreshold(rigaRoma);
            assertThat((Integer) rigaRoma.get("total.included")).isNull();
        }
        // neighbouring periods: both totals carry their own noise
        JsonPath longer = report(programme, "2023-01-01", "2023-07-31");
        nothingBelowTheThreshold(longer);
        assertThat(longer.getInt("total.participants")).isBetween(53, 57);
    }

    @Test
    void periodsAreWholeMonthsAndFiltersAreCodes() {
        String programme = programme(Api.createOrganisation());
        Api.json().get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("programmeId"));
        Api.json().queryParam("programmeId", programme).queryParam("from", "2021").queryParam("to", "2021-12-31")
                .get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("from"));
        // shifting the period a day at a time would difference out single records
        Api.json().queryParam("programmeId", programme).queryParam("from", "2021-01-02").queryParam("to", "2021-12-31")
                .get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("from"))
                .body("detail", containsString("first day of a month"));
        Api.json().queryParam("programmeId", programme).queryParam("from", "2021-01-01").queryParam("to", "2021-12-30")
                .get("/api/v1/reports/inclusion").then().statusCode(400).body("violations[0].field", equalTo("to"));
        Api.json().queryParam("programmeId", programme).queryParam("from", "2021-01-01").queryParam("to", "2021-12-31")
                .queryParam("targetGroup", "roma' or 1=1").get("/api/v1/reports/inclusion").then().statusCode(400)
                .body("violations[0].field", equalTo("targetGroup"));
        Api.as(List.of("MATCHER"), null).queryParam("programmeId", programme).get("/api/v1/reports/inclusion").then().statusCode(403);
    }

    /** Padding a cell with made-up outcomes needs outcomes against a programme the caseworker has no part in. */
    @Test
    void outcomesGoOnlyToProgrammesThePersonTookPartIn() {
        String operator = Api.createOrganisation();
        String programme = programme(operator);
        String outsider = Api.createOrganisation();
        String person = Api.caseworker(outsider).body(Api.person(outsider)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> outcome = Map.of("personId", person, "programmeId", programme, "periodStart", "2023-01-01",
                "periodEnd", "2023-06-30", "status", "EMPLOYED", "outcomeDate", "2023-06-30");
        Api.caseworker(outsider).body(outcome).post("/api/v1/outcomes").then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("no place"));

        // a waitlist place is not taking part either
        Map<String, Object> m = Api.measure(Api.unique("PAD"), outsider);
        m.put("programmeId", programme);
        m.put("capacity", 1);
        m.put("seatsTaken", 1);
        String full = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Api.caseworker(outsider).body(Map.of("personId", person, "measureId", full)).post("/api/v1/enrolments").then()
                .statusCode(201).body("status", equalTo("WAITLISTED"));
        Api.caseworker(outsider).body(outcome).post("/api/v1/outcomes").then().statusCode(422);

        // a place in one of the programme's measures is
        m.put("code", Api.unique("PAD"));
        m.put("seatsTaken", 0);
        String open = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Api.caseworker(outsider).body(Map.of("personId", person, "measureId", open)).post("/api/v1/enrolments").then()
                .statusCode(201).body("status", equalTo("REFERRED"));
        Api.caseworker(outsider).body(outcome).post("/api/v1/outcomes").then().statusCode(201);
    }

    /** A case worker may not slip their measure into someone else's programme (and so into its reports). */
    @Test
    void aMeasureJoinsAProgrammeOnlyWithTheOperatorsConsent() {
        String operator = Api.createOrganisation();
        String programme = programme(operator);
        String provider = Api.createOrganisation();
        Map<String, Object> m = Api.measure(Api.unique("JOIN"), provider);
        m.put("programmeId", programme);
        Api.caseworker(provider).body(m).post("/api/v1/measures").then().statusCode(403)
                .body("detail", containsString("operator's consent"));
        m.remove("programmeId");
        String id = Api.caseworker(provider).body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        m.put("programmeId", programme);
        Api.caseworker(provider).body(m).header("If-Match", "\"0\"").put("/api/v1/measures/" + id).then().statusCode(403);
        // the operator's own case workers and an ADMIN may
        Map<String, Object> own = Api.measure(Api.unique("JOIN"), operator);
        own.put("programmeId", programme);
        Api.caseworker(operator).body(own).post("/api/v1/measures").then().statusCode(201);
        Api.json().body(m).header("If-Match", "\"0\"").put("/api/v1/measures/" + id).then().statusCode(200);
    }
}
