package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.report.Fairness;
import org.inclusionmatch.profile.report.FairnessReport;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 14, the fairness monitor, on a hand-built programme. This month (M): 32 women, 24 of them recommended the
 * programme's measure, 16 of those referred, 12 of those accepted and enrolled, 7 of those in work; 30 men, 12
 * recommended, 6 referred, none accepted. Last month: 3 persons of gender OTHER (ROMA) recommended it, nothing more.
 * By hand, for M:
 * <pre>
 * RECOMMENDED  base 62 (matched)     overall 36/62 = 0.581  FEMALE 24/32 = 0.75   MALE 12/30 = 0.4: ratio 0.533, flagged
 * REFERRED     base 36 (recommended) overall 22/36 = 0.611  FEMALE 16/24 = 0.667  MALE  6/12 = 0.5: ratio 0.75
 * ACCEPTED     base 22 (referred)    overall 12/22 = 0.545  FEMALE 12/16 (4 others: withheld)  MALE 0/6 (withheld)
 * ENROLLED     base 12 (accepted)    overall 12/12 (no others: withheld)
 * INCLUDED     base 12 (enrolled)    overall  7/12 = 0.583
 * </pre>
 * Every published count is the hand count moved by the cell-key noise of exactly the persons it counts (up to 2),
 * which the test recomputes from the persons' record keys; a flag with the margin of MALE's survives any noise. Every
 * part and rest of a share the test reads is at least 7, so no noise withholds it (a rest of 6 would be withheld
 * whenever its noise is -2, one run in eight). Persons other test classes matched in the region this month are in
 * the RECOMMENDED base too (the base is every person matched there): the test reads them from the database.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FairnessReportTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * The programme's only region, where no other test class matches anyone: the base of RECOMMENDED is every
     * person matched in the period in the programme's regions, whichever organisation, and the test JVM's database
     * is shared by the test classes.
     */
    private static final String REGION = "ZEMGALE";

    @Inject
    AgroalDataSource dataSource;

    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);
    private final YearMonth lastMonth = month.minusMonths(1);
    private String operator;
    private String programme;
    /** person -> [gender, stages reached (0 = matched only, 1 = recommended, ..., 5 = included)] */
    private final Map<String, Object[]> persons = new HashMap<>();
    private final List<String> others = new ArrayList<>();
    private boolean built;

    private String person(String gender, List<String> targetGroups) {
        Map<String, Object> body = Api.person(operator);
        body.put("region", REGION);
        body.put("gender", gender);
        body.put("targetGroups", targetGroups);
        return Api.caseworker(operator).body(body).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static void recommend(String person, String measure, String computedAt) {
        Api.matcher().body(Map.of("profileVersion", 0, "engineVersion", "engine-test", "evaluationDay", computedAt.substring(0, 10),
                        "computedAt", computedAt, "recommendations", List.of(Map.of("rank", 1, "measureId", measure,
                                "measureCode", "M-1", "score", 0.8, "reasons", List.of()))))
                .put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
    }

    private void status(String enrolment, String status) {
        Api.caseworker(operator).body(Map.of("status", status)).post("/api/v1/enrolments/" + enrolment + "/status")
                .then().statusCode(200);
    }

    /** A person of this month who got as far as {@code stage} (0: matched, recommended another measure). */
    private String funnel(String gender, int stage, String inProgramme, String elsewhere) {
        String id = person(gender, List.of());
        recommend(id, stage >= 1 ? inProgramme : elsewhere, month.atDay(1).atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant().toString());
        if (stage >= 2) {
            String enrolment = Api.caseworker(operator).body(Map.of("personId", id, "measureId", inProgramme))
                    .post("/api/v1/enrolments").then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");
            if (stage >= 3) {
                status(enrolment, "ACCEPTED");
                status(enrolment, "ENROLLED");
                Api.caseworker(operator).body(Map.of("personId", id, "programmeId", programme,
                        "periodStart", month.atDay(1).toString(), "periodEnd", today().toString(),
                        "status", stage == 5 ? "EMPLOYED" : "NOT_INCLUDED", "outcomeDate", LocalDate.now(ZoneOffset.UTC).toString()))
                        .post("/api/v1/outcomes").then().statusCode(201);
            }
        }
        return id;
    }

    /**
     * The end of this month's programme period: today, as the service reads it (an outcome is recorded once its
     * period has ended), or the month's last day if the service's today is already in the next month.
     */
    private LocalDate today() {
        LocalDate riga = LocalDate.now(java.time.ZoneId.of("Europe/Riga"));
        return riga.isAfter(month.atEndOfMonth()) ? month.atEndOfMonth() : riga;
    }

    /** Built once, at the first test (RestAssured knows the test port only from there on). */
    private synchronized void handBuiltProgramme() throws Exception {
        if (built) {
            return;
        }
        String org = Api.createOrganisation();
        operator = org;
        Map<String, Object> p = Api.programme(Api.unique("FAIR"), operator);
        p.put("regions", List.of(REGION));
        programme = Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> m = Api.measure(Api.unique("FAIR"), operator);
        m.put("programmeId", programme);
        m.put("capacity", 200);
        m.put("seatsTaken", 0);
        String inProgramme = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        Map<String, Object> e = Api.measure(Api.unique("ELSE"), operator);
        String elsewhere = Api.json().body(e).post("/api/v1/measures").then().statusCode(201).extract().path("id");

        // gender -> how many got exactly as far as each stage: {matched only, recommended, referred, enrolled, -, included}
        Map<String, int[]> plan = Map.of("FEMALE", new int[] {8, 8, 4, 5, 0, 7}, "MALE", new int[] {18, 6, 6, 0, 0, 0});
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            Map<Future<String>, Object[]> made = new HashMap<>();
            for (Map.Entry<String, int[]> g : plan.entrySet()) {
                for (int stage = 0; stage < 6; stage++) {
                    int reached = stage == 3 ? 4 : stage; // an enrolled person not included reached ENROLLED (4)
                    for (int i = 0; i < g.getValue()[stage]; i++) {
                        int s = stage;
                        made.put(clients.submit(() -> funnel(g.getKey(), s, inProgramme, elsewhere)), new Object[] {g.getKey(), reached});
                    }
                }
            }
            for (Map.Entry<Future<String>, Object[]> f : made.entrySet()) {
                persons.put(f.getKey().get(), f.getValue());
            }
        }
        for (int i = 0; i < 3; i++) {
            String id = person("OTHER", List.of("ROMA"));
            recommend(id, inProgramme, lastMonth.atDay(2).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            others.add(id);
        }
        built = true;
    }

    private static io.restassured.specification.RequestSpecification auditor() {
        return Api.as(List.of("AUDITOR"), null);
    }

    private FairnessReport report(YearMonth from, YearMonth to) throws Exception {
        handBuiltProgramme();
        String body = auditor().queryParam("programmeId", programme).queryParam("from", from.atDay(1).toString())
                .queryParam("to", to.atEndOfMonth().toString()).get("/api/v1/reports/fairness")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        return JSON.readValue(body, FairnessReport.class);
    }

    private Map<String, Long> keys() throws SQLException {
        Map<String, Long> keys = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select id, record_key from person where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", new ArrayList<>(persons.keySet()).stream().map(UUID::fromString).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return keys;
    }

    /**
     * Persons other test classes matched this month in the programme's region (the fuzz test may move its person
     * there): in the RECOMMENDED base, never reaching it (they cannot be recommended this test's measure).
     */
    private List<Fairness.Unit> othersMatchedHere() throws SQLException {
        List<Fairness.Unit> units = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select p.record_key, p.gender, p.region, p.birth_year, cast(p.target_groups as varchar) from person p
                     where p.region = ? and not (p.id = any(?)) and p.id in (select rs.person_id from recommendation_set rs
                         where rs.computed_at >= ? and rs.computed_at < ?)""")) {
            s.setString(1, REGION);
            s.setArray(2, c.createArrayOf("uuid", new ArrayList<>(persons.keySet()).stream().map(UUID::fromString).toArray()));
            s.setObject(3, month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            s.setObject(4, month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    units.add(new Fairness.Unit(Fairness.Member.of(new Object[] {r.getLong(1), r.getString(2), r.getString(3),
                            r.getInt(4), r.getString(5)}), false));
                }
            }
        }
        return units;
    }

    private static Fairness.Group group(Fairness.Rates rates, Fairness.Dimension dimension, String group) {
        return rates.dimensions().stream().filter(d -> d.dimension() == dimension).flatMap(d -> d.groups().stream())
                .filter(g -> group.equals(g.group())).findFirst().orElse(null);
    }

    private static void within2(Integer published, int exact) {
        if (published != null) {
            assertThat(published).isBetween(exact - 2, exact + 2);
        }
    }

    private static void nothingBelowTheThreshold(FairnessReport report) {
        for (FairnessReport.StageRates stage : report.stages()) {
            List<Fairness.Group> all = new ArrayList<>();
            all.add(stage.rates().overall());
            stage.rates().dimensions().forEach(d -> all.addAll(d.groups()));
            for (Fairness.Group g : all) {
                assertThat(g.base()).as("%s %s", stage.stage(), g.group()).matches(n -> n == null || n >= 5);
                assertThat(g.count()).as("%s %s", stage.stage(), g.group()).matches(n -> n == null || n >= 5);
                if (g.suppressed()) {
                    assertThat(g.rate()).isNull();
                    assertThat(g.ratioToBest()).isNull();
                    assertThat(g.belowFourFifths()).isNull();
                }
            }
        }
    }

    @Test
    void theHandComputedRatesComeBackMovedOnlyByTheNoiseOfThePersonsTheyCount() throws Exception {
        FairnessReport report = report(month, month);
        assertThat(report.stages()).extracting(FairnessReport.StageRates::stage).containsExactly(FairnessReport.Stage.values());
        nothingBelowTheThreshold(report);

        // the same report recomputed from the hand-kept stages and the persons' secret keys, figure for figure
        Map<String, Long> keys = keys();
        List<Fairness.Unit> others = othersMatchedHere();
        for (int s = 0; s < 5; s++) {
            List<Fairness.Unit> base = new ArrayList<>(s == 0 ? others : List.of());
            for (Map.Entry<String, Object[]> p : persons.entrySet()) {
                int reached = (Integer) p.getValue()[1];
                if (reached >= s) {
                    base.add(new Fairness.Unit(new Fairness.Member(keys.get(p.getKey()), (String) p.getValue()[0], REGION,
                            1992, List.of()), reached >= s + 1));
                }
            }
            assertThat(report.stages().get(s).rates()).as("stage %s", s).isEqualTo(Fairness.rates(base, month.getYear()));
        }

        Fairness.Rates recommended = report.stages().get(0).rates();
        within2(recommended.overall().base(), 62 + others.size());
        within2(recommended.overall().count(), 36);
        Fairness.Group female = group(recommended, Fairness.Dimension.GENDER, "FEMALE");
        Fairness.Group male = group(recommended, Fairness.Dimension.GENDER, "MALE");
        within2(female.base(), 32 + (int) others.stream().filter(u -> u.member().gender().equals("FEMALE")).count());
        within2(female.count(), 24);
        within2(male.count(), 12);
        // 0.4 / 0.75 = 0.533; at worst 14/28 against 22/34, 0.5 / 0.647 = 0.773: flagged whatever the noise
        assertThat(female.ratioToBest()).isEqualTo(1.0);
        assertThat(male.belowFourFifths()).isTrue();
        assertThat(male.ratioToBest()).isBetween(0.3, 0.8);
        assertThat(report.stages().get(0).denominator()).contains("matched");
        // ENROLLED: all 12 accepted were enrolled, so the rate would tell about the rest: withheld
        assertThat(report.stages().get(3).rates().overall().rate()).isNull();
        within2(report.stages().get(4).rates().overall().count(), 7);
        // the OTHER persons were recommended last month: not in this month's figures (listed, like every gender, empty)
        assertThat(group(recommended, Fairness.Dimension.GENDER, "OTHER")).isEqualTo(
                new Fairness.Group("OTHER", null, null, null, null, null, true));

        // CSV: the same figures, a row per stage, dimension and group
        String csv = Api.as(List.of("PARTNER"), operator).queryParam("format", "csv").queryParam("programmeId", programme)
                .queryParam("from", month.atDay(1).toString()).queryParam("to", month.atEndOfMonth().toString())
                .get("/api/v1/reports/fairness").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("programme,from,to,stage,dimension,group,base,count,rate,ratio_to_best,below_four_fifths,suppressed\n");
        assertThat(csv).contains(",RECOMMENDED,GENDER,MALE," + male.base() + "," + male.count() + "," + male.rate() + ","
                + male.ratioToBest() + ",true,false\n");
        assertThat(csv.lines().filter(l -> l.contains(",OVERALL,"))).hasSize(5);
        assertThat(csv.lines()).allMatch(l -> l.split(",", -1).length == 12);
    }

    private static List<String> groupsListed(FairnessReport report) {
        List<String> listed = new ArrayList<>();
        report.stages().forEach(s -> s.rates().dimensions().forEach(d -> d.groups().forEach(
                g -> listed.add(s.stage() + "/" + d.dimension() + "/" + g.group()))));
        return listed;
    }

    /**
     * Issue 21: which groups the report lists never depends on who it counts. A programme whose only person is a man
     * of RIGA in FORMER_PRISONER, PROBATION_CLIENT and a code of the organisation's own lists, stage by stage and
     * dimension by dimension, exactly the groups the hand-built programme of 62 women and men of ZEMGALE lists: the
     * fixed lists in their order. The own code is nowhere, and the man's cells show nothing; the same in CSV.
     */
    @Test
    void aOnePersonProgrammeListsTheSameGroupsAsAProgrammeOfOtherPersons() throws Exception {
        FairnessReport many = report(month, month);
        Map<String, Object> p = Api.programme(Api.unique("FAIRONE"), operator);
        p.put("regions", List.of("KURZEME"));
        String lone = Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        Map<String, Object> m = Api.measure(Api.unique("FAIRONE"), operator);
        m.put("programmeId", lone);
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String own = "OWN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = Api.person(operator);
        body.put("region", "RIGA");
        body.put("gender", "MALE");
        body.put("targetGroups", List.of("FORMER_PRISONER", "PROBATION_CLIENT", own));
        String man = Api.caseworker(operator).body(body).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        recommend(man, measure, month.atDay(1).atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant().toString());

        String json = auditor().queryParam("programmeId", lone).queryParam("from", month.atDay(1).toString())
                .queryParam("to", month.atEndOfMonth().toString()).get("/api/v1/reports/fairness").then().statusCode(200)
                .extract().asString();
        FairnessReport one = JSON.readValue(json, FairnessReport.class);
        assertThat(groupsListed(one)).isEqualTo(groupsListed(many)).hasSize(5 * (21 + 4 + 4 + 6));
        for (FairnessReport.StageRates stage : one.stages()) {
            for (Fairness.DimensionRates d : stage.rates().dimensions()) {
                assertThat(d.groups()).extracting(Fairness.Group::group).isEqualTo(Fairness.groupsOf(d.dimension()));
            }
            for (String[] cell : new String[][] {{"TARGET_GROUP", "FORMER_PRISONER"}, {"TARGET_GROUP", "PROBATION_CLIENT"},
                    {"TARGET_GROUP", "OTHER"}, {"REGION", "RIGA"}}) {
                Fairness.Group g = group(stage.rates(), Fairness.Dimension.valueOf(cell[0]), cell[1]);
                assertThat(g).as("%s %s", stage.stage(), cell[1]).isEqualTo(new Fairness.Group(cell[1], null, null, null, null, null, true));
            }
        }
        assertThat(json).doesNotContain(own);

        String csvOne = csv(lone);
        String csvMany = csv(programme);
        assertThat(csvOne).doesNotContain(own);
        assertThat(groupColumns(csvOne)).isEqualTo(groupColumns(csvMany)).hasSize(5 * (1 + 21 + 4 + 4 + 6));
    }

    private String csv(String programmeId) {
        return auditor().queryParam("format", "csv").queryParam("programmeId", programmeId)
                .queryParam("from", month.atDay(1).toString()).queryParam("to", month.atEndOfMonth().toString())
                .get("/api/v1/reports/fairness").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
    }

    /** Stage, dimension and group of every CSV row. */
    private static List<String> groupColumns(String csv) {
        return csv.lines().skip(1).map(l -> String.join(",", List.of(l.split(",", -1)).subList(3, 6))).toList();
    }

    /**
     * The attacks of the review on this report. The 3 OTHER persons of last month are the small cell: the report of
     * last month and this minus the report of this month would give them away by the RECOMMENDED base, and so would
     * the two months' overall base minus FEMALE and MALE. Their cells are suppressed, and both differences carry the
     * noise of the longer report's overall cell, keyed on the 3's secret keys as well: changing one of those keys
     * (which the attacker cannot see) moves the difference, so it is not the 3.
     */
    @Test
    void subtractingTwoReportsOrGroupsFromTheTotalGivesNoSmallCount() throws Exception {
        FairnessReport thisMonth = report(month, month);
        Set<Integer> byPeriods = new HashSet<>();
        Set<Integer> byGroups = new HashSet<>();
        for (int key = 0; key < 12; key++) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("update person set record_key = ? where id = ?")) {
                s.setInt(1, 77_777 * (key + 1));
                s.setObject(2, UUID.fromString(others.get(0)));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            FairnessReport both = report(lastMonth, month);
            nothingBelowTheThreshold(both);
            Fairness.Rates recommended = both.stages().get(0).rates();
            Fairness.Group other = group(recommended, Fairness.Dimension.GENDER, "OTHER");
            assertThat(other.suppressed()).isTrue();
            assertThat(other.belowFourFifths()).isNull();
            assertThat(group(recommended, Fairness.Dimension.TARGET_GROUP, "ROMA").suppressed()).isTrue();
            // the larger groups are the same persons in both reports, so the same figures
            Fairness.Group female = group(recommended, Fairness.Dimension.GENDER, "FEMALE");
            Fairness.Group male = group(recommended, Fairness.Dimension.GENDER, "MALE");
            assertThat(female).isEqualTo(group(thisMonth.stages().get(0).rates(), Fairness.Dimension.GENDER, "FEMALE"));
            assertThat(male).isEqualTo(group(thisMonth.stages().get(0).rates(), Fairness.Dimension.GENDER, "MALE"));
            byPeriods.add(recommended.overall().base() - thisMonth.stages().get(0).rates().overall().base());
            byGroups.add(recommended.overall().base() - female.base() - male.base());
        }
        // without the noise both attacks would say 3 every time
        assertThat(byPeriods).hasSizeGreaterThan(1).isNotEqualTo(Set.of(3));
        assertThat(byGroups).hasSizeGreaterThan(1).isNotEqualTo(Set.of(3));
        assertThat(byPeriods).allMatch(d -> d >= 3 - 4 && d <= 3 + 4);
    }

    @Test
    void onlyTheOperatorFunderAdminAndAuditorSeeItAndParametersAreChecked() throws Exception {
        handBuiltProgramme();
        String path = "/api/v1/reports/fairness";
        String from = month.atDay(1).toString();
        String to = month.atEndOfMonth().toString();
        Api.caseworker(operator).queryParam("programmeId", programme).queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(200);
        Api.json().queryParam("programmeId", programme).queryParam("from", from).queryParam("to", to).get(path).then().statusCode(200);
        // another organisation's case worker or partner
        String outsider = Api.createOrganisation();
        Api.caseworker(outsider).queryParam("programmeId", programme).queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("operator and funder"));
        Api.as(List.of("PARTNER"), outsider).queryParam("programmeId", programme).queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(403);
        // the matching worker has no business with it
        Api.as(List.of("MATCHER"), null).queryParam("programmeId", programme).queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(403);
        // bad parameters: 400 problem+json naming the field
        auditor().get(path).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("programmeId"));
        auditor().queryParam("programmeId", programme).queryParam("from", month.atDay(2).toString()).queryParam("to", to)
                .get(path).then().statusCode(400).body("violations[0].field", equalTo("from"));
        auditor().queryParam("programmeId", programme).queryParam("from", from).queryParam("to", month.atDay(3).toString())
                .get(path).then().statusCode(400).body("violations[0].field", equalTo("to"));
        auditor().queryParam("programmeId", "not-a-uuid").queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(400).contentType(startsWith("application/problem+json"));
        auditor().queryParam("programmeId", programme).queryParam("from", "2026-13-01").queryParam("to", to)
                .get(path).then().statusCode(400).body("violations[0].field", equalTo("from"));
        auditor().queryParam("programmeId", UUID.randomUUID()).queryParam("from", from).queryParam("to", to)
                .get(path).then().statusCode(404);
    }

    /** The gauges carry programme, stage and dimension: never a group, never a person. */
    @Test
    void prometheusGaugesCarryNoGroupLabel() throws Exception {
        FairnessReport report = report(month, month);
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        String code = report.programmeCode();
        List<String> lines = metrics.lines().filter(l -> l.startsWith("inclusion_fairness_") && l.contains(code)).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("FEMALE") || l.contains("MALE\"") || l.contains("ROMA")
                || l.contains(REGION) || l.contains("group="));
        double male = group(report.stages().get(0).rates(), Fairness.Dimension.GENDER, "MALE").ratioToBest();
        assertThat(lines).anyMatch(l -> l.startsWith("inclusion_fairness_ratio{") && l.contains("dimension=\"GENDER\"")
                && l.contains("stage=\"RECOMMENDED\"") && l.endsWith(" " + male));
        assertThat(lines).anyMatch(l -> l.startsWith("inclusion_fairness_groups_below_four_fifths{")
                && l.contains("dimension=\"GENDER\"") && l.contains("stage=\"RECOMMENDED\"") && l.endsWith(" 1.0"));
    }
}
