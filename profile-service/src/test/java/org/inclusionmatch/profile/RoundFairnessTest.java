package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.report.Fairness;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the fairness of a round beside first come first served, on the same candidates. 30 candidates of RIGA
 * and 30 of LATGALE arrive in turn for 30 places; 22 of RIGA fit well (0.9) and 8 of LATGALE (0.8), the rest poorly.
 * By hand: first come first served gives the first 30 arrivals, 15 and 15, a rate of 0.5 each (ratio 1); the
 * proposal (best total fit) gives the 22 and the 8: RIGA 22/30 = 0.733, LATGALE 8/30 = 0.267, ratio 0.364, flagged
 * (under any noise: at worst 10/28 = 0.357 against 20/32 = 0.625, ratio 0.57).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class RoundFairnessTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    AgroalDataSource dataSource;

    record Rates(Fairness.Rates proposal, Fairness.Rates firstComeFirstServed) {
    }

    private static Fairness.Group group(Fairness.Rates rates, Fairness.Dimension dimension, String group) {
        return rates.dimensions().stream().filter(d -> d.dimension() == dimension).flatMap(d -> d.groups().stream())
                .filter(g -> group.equals(g.group())).findFirst().orElseThrow();
    }

    @Test
    void theProposalsRatesBesideFirstComeFirstServedOnTheSameCandidates() throws Exception {
        String operator = Api.createOrganisation();
        Map<String, Object> programme = Api.programme(Api.unique("FAIRROUND"), operator);
        programme.put("capacity", 30);
        programme.put("regions", List.of("RIGA", "LATGALE"));
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String measure = AllocationRoundTest.measure(operator, programmeId, "TRAINING", 30);

        Map<String, String> regionOf = new HashMap<>();
        for (int i = 0; i < 30; i++) { // in turn: RIGA, LATGALE, RIGA, ... (the first-come-first-served order)
            String riga = AllocationRoundTest.person(operator, "RIGA", List.of());
            AllocationRoundTest.recommend(riga, Map.of(measure, i < 22 ? 0.9 : 0.3));
            String latgale = AllocationRoundTest.person(operator, "LATGALE", List.of());
            AllocationRoundTest.recommend(latgale, Map.of(measure, i < 8 ? 0.8 : 0.2));
            regionOf.put(riga, "RIGA");
            regionOf.put(latgale, "LATGALE");
        }
        JsonPath round = Api.caseworker(operator).body(Map.of("programmeId", programmeId)).post("/api/v1/allocation-rounds")
                .then().statusCode(201).extract().jsonPath();
        String roundId = round.getString("id");
        assertThat(round.getInt("assigned")).isEqualTo(30);

        String body = Api.caseworker(operator).get("/api/v1/allocation-rounds/" + roundId + "/fairness").then().statusCode(200)
                .extract().asString();
        Rates rates = JSON.readValue(body, Rates.class);

        Fairness.Group proposalRiga = group(rates.proposal(), Fairness.Dimension.REGION, "RIGA");
        Fairness.Group proposalLatgale = group(rates.proposal(), Fairness.Dimension.REGION, "LATGALE");
        assertThat(proposalRiga.count()).isBetween(20, 24);
        assertThat(proposalLatgale.count()).isBetween(6, 10);
        assertThat(proposalRiga.ratioToBest()).isEqualTo(1.0);
        assertThat(proposalLatgale.belowFourFifths()).isTrue();
        assertThat(proposalLatgale.ratioToBest()).isLessThan(0.6);
        Fairness.Group fcfsRiga = group(rates.firstComeFirstServed(), Fairness.Dimension.REGION, "RIGA");
        Fairness.Group fcfsLatgale = group(rates.firstComeFirstServed(), Fairness.Dimension.REGION, "LATGALE");
        assertThat(fcfsRiga.count()).isBetween(13, 17);
        assertThat(fcfsLatgale.count()).isBetween(13, 17);
        assertThat(rates.proposal().overall().base()).isBetween(58, 62);
        assertThat(body).doesNotContain(regionOf.keySet().iterator().next()); // no person in it

        // figure for figure: the hand-known assignment of both, with the candidates' secret keys
        Map<String, Long> keys = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, record_key from person where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", regionOf.keySet().stream().map(UUID::fromString).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.put(r.getString(1), r.getLong(2));
                }
            }
        }
        List<Fairness.Unit> proposal = new ArrayList<>();
        List<Fairness.Unit> fcfs = new ArrayList<>();
        for (Map<String, Object> item : round.<Map<String, Object>>getList("items")) {
            String id = (String) item.get("personId");
            Fairness.Member member = new Fairness.Member(keys.get(id), "FEMALE", regionOf.get(id), 1992, List.of());
            proposal.add(new Fairness.Unit(member, item.get("measureId") != null));
            fcfs.add(new Fairness.Unit(member, item.get("firstComeFirstServedMeasureId") != null));
        }
        assertThat(proposal.stream().filter(u -> u.reached() && u.member().region().equals("LATGALE")).count()).isEqualTo(8);
        assertThat(fcfs.stream().filter(u -> u.reached() && u.member().region().equals("LATGALE")).count()).isEqualTo(15);
        int year = Year.now(ZoneOffset.UTC).getValue();
        assertThat(rates.proposal()).isEqualTo(Fairness.rates(proposal, year));
        assertThat(rates.firstComeFirstServed()).isEqualTo(Fairness.rates(fcfs, year));

        // seen only by the organisation that opened the round; not by the matching worker
        Api.caseworker(Api.createOrganisation()).get("/api/v1/allocation-rounds/" + roundId + "/fairness").then().statusCode(404);
        Api.as(List.of("MATCHER"), null).get("/api/v1/allocation-rounds/" + roundId + "/fairness").then().statusCode(403);
    }

    /** A round of one measure over these persons (each recommended it), and its fairness as the operator reads it. */
    private static String roundOf(String operator, List<Map<String, Object>> persons) {
        Map<String, Object> programme = Api.programme(Api.unique("FAIRONE"), operator);
        programme.put("regions", List.of("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE"));
        String programmeId = Api.json().body(programme).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String measure = AllocationRoundTest.measure(operator, programmeId, "TRAINING", 1);
        for (Map<String, Object> body : persons) {
            String id = Api.caseworker(operator).body(body).post("/api/v1/persons").then().statusCode(201).extract().path("id");
            AllocationRoundTest.recommend(id, Map.of(measure, 0.9));
        }
        String roundId = Api.caseworker(operator).body(Map.of("measureId", measure)).post("/api/v1/allocation-rounds")
                .then().statusCode(201).extract().path("id");
        return Api.caseworker(operator).get("/api/v1/allocation-rounds/" + roundId + "/fairness").then().statusCode(200)
                .extract().asString();
    }

    private static Map<String, Object> person(String org, String gender, String region, int birthYear, List<String> targetGroups) {
        Map<String, Object> body = Api.person(org);
        body.put("gender", gender);
        body.put("region", region);
        body.put("birthYear", birthYear);
        body.put("targetGroups", targetGroups);
        return body;
    }

    private static Map<Fairness.Dimension, List<String>> groupLists(Fairness.Rates rates) {
        Map<Fairness.Dimension, List<String>> lists = new java.util.EnumMap<>(Fairness.Dimension.class);
        rates.dimensions().forEach(d -> lists.put(d.dimension(), d.groups().stream().map(Fairness.Group::group).toList()));
        return lists;
    }

    /**
     * Issue 21: the fairness of a round names no group because someone of it is among the candidates. A round of one
     * man of RIGA, FORMER_PRISONER and PROBATION_CLIENT (and a code of the organisation's own) and a round of two other
     * persons (women of LATGALE, ROMA and no target group, born decades apart) list exactly the same groups per
     * dimension, the fixed lists in their order; every cell is under 5, so the two answers are the same but for the ids.
     */
    @Test
    void aOnePersonRoundListsTheSameGroupsAsARoundOfOtherPersons() throws Exception {
        String operator = Api.createOrganisation();
        String own = "OWN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String lone = roundOf(operator, List.of(person(operator, "MALE", "RIGA", 1980, List.of("FORMER_PRISONER", "PROBATION_CLIENT", own))));
        String others = roundOf(operator, List.of(person(operator, "FEMALE", "LATGALE", 2003, List.of("ROMA")),
                person(operator, "FEMALE", "LATGALE", 1961, List.of())));
        Rates one = JSON.readValue(lone, Rates.class);
        Rates two = JSON.readValue(others, Rates.class);
        for (Rates rates : List.of(one, two)) {
            for (Fairness.Rates side : List.of(rates.proposal(), rates.firstComeFirstServed())) {
                Map<Fairness.Dimension, List<String>> lists = groupLists(side);
                assertThat(lists.keySet()).containsExactly(Fairness.Dimension.values());
                lists.forEach((d, groups) -> assertThat(groups).as("%s", d).isEqualTo(Fairness.groupsOf(d)));
                assertThat(side.dimensions()).flatExtracting(Fairness.DimensionRates::groups)
                        .allMatch(g -> g.suppressed() && g.base() == null && g.count() == null && g.rate() == null
                                && g.ratioToBest() == null && g.belowFourFifths() == null);
            }
        }
        assertThat(one.proposal()).isEqualTo(two.proposal());
        assertThat(one.firstComeFirstServed()).isEqualTo(two.firstComeFirstServed());
        assertThat(lone).doesNotContain(own);
    }
}
