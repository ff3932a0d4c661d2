package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.inclusionmatch.profile.identity.SyntheticCodes;
import org.inclusionmatch.profile.person.PersonRequest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 26: one human known to several organisations, linked by the keyed hash of their personal code. The journey of
 * two organisations that each register the same man, the rules that must treat him as one, the answers that must not
 * tell either organisation more than those rules imply, and the places the code must never reach.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnePersonManyOrganisationsTest {


    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    static String code(boolean hyphen) {
        return SyntheticCodes.next(hyphen);
    }

    /** The same digits with a wrong check digit. */
    static String wrongCheckDigit(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    static String person(String org, String code) {
        Map<String, Object> body = Api.person(org);
        body.put("region", "RIGA");
        body.put("needs", List.of("DIGITAL_SKILLS"));
        if (code != null) {
            body.put("personalCode", code);
        }
        return Api.caseworker(org).body(body).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    static String programme(String operator, int capacity) {
        Map<String, Object> p = Api.programme(Api.unique("ONE"), operator);
        p.put("capacity", capacity);
        p.put("regions", List.of("RIGA"));
        return Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    static String measure(String provider, String programme, String kind, int capacity) {
        return AllocationRoundTest.measure(provider, programme, kind, capacity);
    }

    @Test
    void aCodeIsCheckedKeptOnlyAsAKeyedLinkNeverShownAndOneRecordPerOrganisation() throws Exception {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();
        String code = code(true);

        // format and check digit: a clear 400 on the field, without the value
        for (String bad : List.of(wrongCheckDigit(code), "12345", "320101-0000A", "310299-10000")) {
            Map<String, Object> body = Api.person(org);
            body.put("personalCode", bad);
            String answer = Api.caseworker(org).body(body).post("/api/v1/persons").then().statusCode(400)
                    .body("violations[0].field", equalTo("personalCode")).extract().asString();
            assertThat(answer).doesNotContain(bad).doesNotContain(bad.replace("-", ""));
        }

        Response created = Api.caseworker(org).body(withCode(Api.person(org), code)).post("/api/v1/persons");
        created.then().statusCode(201).body("personalCodeRecorded", equalTo(true));
        String id = created.path("id");
        assertThat(created.asString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        Api.caseworker(org).get("/api/v1/persons/" + id).then().statusCode(200).body("personalCodeRecorded", equalTo(true))
                .body(not(code));

        // within the organisation: one record per person, the 409 names the record that has the code (either spelling)
        Api.caseworker(org).body(withCode(Api.person(org), code.replace("-", ""))).post("/api/v1/persons").then()
                .statusCode(409).body("type", containsString("duplicate-personal-code")).body("detail", containsString(id));
        // ... also on an update that would give another person the code
        String second = person(org, null);
        Api.caseworker(org).header("If-Match", "\"0\"").body(withCode(Api.person(org), code)).put("/api/v1/persons/" + second)
                .then().statusCode(409).body("type", containsString("duplicate-personal-code")).body("detail", containsString(id));
        // ... and when eight creates of one new code race, one wins and seven get the same 409
        String raced = code(false);
        List<String> statuses;
        try (java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(clients.submit(() -> {
                    Response r = Api.caseworker(org).body(withCode(Api.person(org), raced)).post("/api/v1/persons");
                    return r.statusCode() == 201 ? "201" : r.statusCode() + " " + r.path("type");
                }));
            }
            statuses = new ArrayList<>();
            for (var create : creates) {
                statuses.add(create.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s.equals("201")).hasSize(1);
        assertThat(statuses).filteredOn(s -> !s.equals("201")).hasSize(7).allMatch(s -> s.startsWith("409 ") && s.endsWith("duplicate-personal-code"));
        // another organisation: a record of its own, answered exactly as for a code nobody has
        Response elsewhere = Api.caseworker(other).body(withCode(Api.person(other), code)).post("/api/v1/persons");
        Response fresh = Api.caseworker(other).body(withCode(Api.person(other), code(true))).post("/api/v1/persons");
        assertThat(normalised(elsewhere.asString())).isEqualTo(normalised(fresh.asString()));
        assertThat(elsewhere.statusCode()).isEqualTo(201);

        // an update that leaves the code out keeps it; DELETE removes it; the audit names who set and removed it
        Api.caseworker(org).header("If-Match", "\"0\"").body(Api.person(org)).put("/api/v1/persons/" + id).then()
                .statusCode(200).body("personalCodeRecorded", equalTo(true)).body("version", equalTo(0));
        Api.caseworker(org).get("/api/v1/persons/" + id + "/export").then().statusCode(200)
                .body("profile.personalCodeRecorded", equalTo(true)).body(not(code));
        Api.caseworker(org).header("If-Match", "\"0\"").delete("/api/v1/persons/" + id + "/personal-code").then()
                .statusCode(204);
        Api.caseworker(org).get("/api/v1/persons/" + id).then().statusCode(200)
                .body("personalCodeRecorded", equalTo(false)).body("version", equalTo(1));
        JsonPath audit = Api.as(List.of("AUDITOR"), null).queryParam("personId", id).queryParam("size", 100)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.findAll { it.resourceType == 'PERSONAL_CODE' }.operation"))
                .containsExactlyInAnyOrder("CREATE", "DELETE");
        // once removed, the code is free in the organisation again
        Api.caseworker(org).body(withCode(Api.person(org), code)).post("/api/v1/persons").then().statusCode(201);
    }

    private static Map<String, Object> withCode(Map<String, Object> person, String code) {
        person.put("personalCode", code);
        return person;
    }

    private static org.hamcrest.Matcher<String> not(String code) {
        return org.hamcrest.Matchers.not(containsString(code.replace("-", "")));
    }

    /**
     * The journey: the probation service (A) and an NGO (B) each register the same man. One place per programme, one
     * keep-apart constraint, one matching, counted once; each answer to A names nothing of B.
     */
    @Test
    void twoOrganisationsRegisteringOneManTreatHimAsOne() throws Exception {
        // through the validating proxy: every request and answer of the journey as the partners' document says
        try (ValidatingProxy prism = Api.throughPrism()) {
            treatedAsOne();
            assertThat(prism.violations()).as("what Prism found the document does not describe").isEmpty();
            assertThat(prism.forwarded()).isGreaterThanOrEqualTo(20);
        }
    }

    private static void treatedAsOne() {
        String orgA = Api.createOrganisation();
        String orgB = Api.createOrganisation();
        String orgC = Api.createOrganisation();
        String provider = Api.createOrganisation();
        String programme = programme(provider, 10);
        String training = measure(provider, programme, "TRAINING", 5);
        String secondTraining = measure(provider, programme, "TRAINING", 5);
        String house = measure(provider, null, "HALFWAY_HOUSE", 3);
        String code = code(false);
        String a = person(orgA, code);
        String b = person(orgB, code.substring(0, 6) + "-" + code.substring(6));

        // B refers him into the programme: A may not take a second place in it, and is told so neutrally
        String enrolmentB = Api.refer(orgB, b, training).then().statusCode(201).extract().path("id");
        Response refused = Api.refer(orgA, a, secondTraining);
        refused.then().statusCode(409).body("type", containsString("place-already-held"));
        assertThat(refused.asString()).doesNotContain(orgB).doesNotContain(b).doesNotContain(enrolmentB)
                .doesNotContain(training).doesNotContain(provider);
        // ... and matching leaves both measures of the programme out for A's record, with a reason that names no one
        JsonNode view = Api.matcher().get("/api/v1/matching/persons/" + a).then().statusCode(200).extract().as(JsonNode.class);
        assertThat(view.get("heldElsewhereMeasureIds").toString()).contains(training).contains(secondTraining);
        assertThat(view.toString()).doesNotContain(orgB).doesNotContain(b);
        // A person without a code is untouched by B's place
        String unlinked = person(orgA, null);
        Api.refer(orgA, unlinked, secondTraining).then().statusCode(201);

        // keep-apart binds humans: C keeps its client apart from the man as A knows him; B's record holds the house
        String victim = person(orgC, code(false));
        Api.keepApart(orgC, victim, a).then().statusCode(201);
        Api.refer(orgB, b, house).then().statusCode(201);
        Api.refer(orgC, victim, house).then().statusCode(422).body("type", containsString("placement-restricted"));

        // B's place ends: A may refer him now, and A's matching no longer leaves the measures out
        Api.caseworker(orgB).body(Map.of("status", "CANCELLED", "reason", "CHANGED_MIND"))
                .post("/api/v1/enrolments/" + enrolmentB + "/status").then().statusCode(200);
        assertThat(Api.matcher().get("/api/v1/matching/persons/" + a).then().statusCode(200).extract()
                .<List<String>>path("heldElsewhereMeasureIds")).doesNotContain(training, secondTraining);
        Api.refer(orgA, a, secondTraining).then().statusCode(201);
        // now B may not come back into the programme
        Api.refer(orgB, b, training).then().statusCode(409);

        // erasing A's record removes the link: B's record stands alone again
        String aVersion = Api.caseworker(orgA).get("/api/v1/persons/" + a).then().extract().header("ETag");
        Api.caseworker(orgA).header("If-Match", aVersion).delete("/api/v1/persons/" + a).then().statusCode(204);
        Api.refer(orgB, b, training).then().statusCode(201);
    }

    /** A waiting referral is not promoted into a programme the man holds a place in elsewhere; it is once that place ends. */
    @Test
    void aWaitingReferralWaitsWhileThePlaceIsHeldElsewhere() {
        String orgA = Api.createOrganisation();
        String orgB = Api.createOrganisation();
        String provider = Api.createOrganisation();
        String programme = programme(provider, 10);
        String small = measure(provider, programme, "TRAINING", 1);
        String other = measure(provider, programme, "TRAINING", 5);
        String code = code(false);
        String a = person(orgA, code);
        String b = person(orgB, code);
        String someone = person(orgA, null);
        String first = Api.refer(orgA, someone, small).then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");
        String waiting = Api.refer(orgA, a, small).then().statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        String elsewhere = Api.refer(orgB, b, other).then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");

        Api.caseworker(orgA).body(Map.of("status", "CANCELLED", "reason", "CHANGED_MIND"))
                .post("/api/v1/enrolments/" + first + "/status").then().statusCode(200);
        Api.caseworker(orgA).get("/api/v1/enrolments/" + waiting).then().statusCode(200).body("status", equalTo("WAITLISTED"));

        Api.caseworker(orgB).body(Map.of("status", "CANCELLED", "reason", "CHANGED_MIND"))
                .post("/api/v1/enrolments/" + elsewhere + "/status").then().statusCode(200);
        Api.caseworker(orgA).get("/api/v1/enrolments/" + waiting).then().statusCode(200).body("status", equalTo("REFERRED"));
    }

    /** The inclusion report, the fairness monitor and an allocation round count the man once, whoever registered him. */
    @Test
    void reportsAndRoundsCountHumansNotRecords() {
        String operator = Api.createOrganisation();
        String ngo = Api.createOrganisation();
        Map<String, Object> p = Api.programme(Api.unique("ONE"), operator);
        p.put("startDate", "2021-01-01");
        p.put("regions", List.of("RIGA"));
        String programme = Api.json().body(p).post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String course = measure(operator, programme, "TRAINING", 40);
        int humans = 12;
        List<String> records = new ArrayList<>();
        for (int i = 0; i < humans; i++) {
            String code = code(false);
            String own = person(operator, code);
            String theirs = person(ngo, code);
            records.add(own);
            records.add(theirs);
            // both organisations record an outcome: the operator for its record, the NGO for the record holding the place
            Api.refer(ngo, theirs, course).then().statusCode(201);
            for (String[] r : List.of(new String[] {operator, own}, new String[] {ngo, theirs})) {
                Api.caseworker(r[0]).body(Map.of("personId", r[1], "programmeId", programme, "periodStart", "2021-01-01",
                        "periodEnd", "2021-12-31", "status", "EMPLOYED", "outcomeDate", "2021-12-31"))
                        .post("/api/v1/outcomes").then().statusCode(201);
            }
        }
        int participants = Api.as(List.of("AUDITOR"), null).queryParam("programmeId", programme)
                .queryParam("from", "2021-01-01").queryParam("to", "2021-12-31").get("/api/v1/reports/inclusion")
                .then().statusCode(200).extract().path("total.participants");
        assertThat(participants).as("12 humans, 24 records, within the cell-key noise").isBetween(humans - 3, humans + 3);

        // the round: every record recommended the course; one candidate per human
        records.forEach(r -> AllocationRoundTest.recommend(r, Map.of(course, 0.8)));
        JsonPath round = Api.caseworker(operator).body(Map.of("measureId", course)).post("/api/v1/allocation-rounds")
                .then().statusCode(201).extract().jsonPath();
        assertThat(round.getInt("candidates")).isBetween(humans, humans + 0);

        // the fairness monitor: those recommended a measure of the programme are the humans (the results above are
        // computed on 2026-11-23)
        JsonPath fairness = Api.as(List.of("AUDITOR"), null).queryParam("programmeId", programme)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/reports/fairness").then().statusCode(200).extract().jsonPath();
        Integer base = fairness.get("stages.find { it.stage == 'REFERRED' }.rates.overall.base");
        assertThat(base).as("recommended the course: 12 humans").isBetween(humans - 3, humans + 3);
    }

    /**
     * Differencing: an organisation that registers a code gets the same answers, from every GET of the API document,
     * whether or not another organisation knows the person, as long as no rule applies (no place held elsewhere). Two
     * worlds side by side: in one the code is another organisation's too, in the other it is new; the answers to every
     * organisation-scoped role, with the person's id in every path and person parameter, are equal once ids and times
     * are blanked.
     */
    @Test
    void noAnswerTellsAnOrganisationThatAnotherKnowsThePerson() throws Exception {
        String shared = code(false);
        String[] linked = world(shared, shared);
        String[] alone = world(code(false), code(false));
        JsonNode doc = Api.servedDocuments();
        int calls = 0;
        List<String> differences = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            for (String role : List.of("ADMIN", "CASEWORKER", "PARTNER")) {
                String first = answer(role, linked, path.getKey(), get);
                String second = answer(role, alone, path.getKey(), get);
                calls += 2;
                if (!first.equals(second)) {
                    differences.add(role + " GET " + path.getKey() + ":\n  " + first + "\n  " + second);
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(differences).as("answers that differ when another organisation knows the person").isEmpty();
        System.out.printf("ONE-PERSON: %d GET calls in two worlds, none tells the organisation of the other record%n", calls);
    }

    /** An organisation and its record of the code, beside another organisation's record of {@code otherCode}. */
    private static String[] world(String code, String otherCode) {
        String org = Api.createOrganisation();
        String other = Api.createOrganisation();
        String own = person(org, code);
        person(other, otherCode);
        return new String[] {org, own};
    }

    private static String answer(String role, String[] world, String template, JsonNode get) {
        String url = template.replaceAll("\\{[^}]+}", world[1]);
        Map<String, Object> query = new HashMap<>();
        for (JsonNode parameter : get.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && parameter.path("name").asText().toLowerCase().contains("personid")) {
                query.put(parameter.path("name").asText(), world[1]);
            }
        }
        Response r = Api.as(List.of(role), world[0]).queryParams(query).get(url);
        return r.statusCode() + " " + normalised(r.asString());
    }

    /** Every run of digits (with at most one hyphen) and every run of hex digits in the text, lower case: the forms a code or a hash takes. */
    private static java.util.Set<String> tokens(String text) {
        java.util.Set<String> tokens = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9]+-?[0-9]+|[0-9a-fA-F]{32,}").matcher(text);
        while (m.find()) {
            tokens.add(m.group().toLowerCase());
        }
        return tokens;
    }

    /** The answer without what differs between any two calls: ids, times, versions' tags, generated codes. */
    static String normalised(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<time>")
                .replaceAll("ORG-[A-Za-z0-9-]+", "<org>")
                .replaceAll("W/\"[^\"]*\"|\"[0-9a-f]{16,}\"", "<tag>")
                .replaceAll("reference [0-9a-f-]+", "reference <ref>")
                .replaceAll("\"id\":\\d+", "\"id\":<n>"); // audit entries' sequence numbers
    }

    /**
     * After everything above (last in this class; the check reads whatever exists, including the codes other classes in
     * this JVM used): no code, nor an unkeyed hash of it, is in any table, in the service's log or on any topic.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theCodeIsInNoTableLogOrTopic() throws Exception {
        String org = Api.createOrganisation();
        String code = code(true);
        String id = person(org, code);
        Map<String, Object> update = withCode(Api.person(org), code(false));
        Api.caseworker(org).header("If-Match", "\"0\"").body(update).put("/api/v1/persons/" + id).then().statusCode(200);
        // a create with an Idempotency-Key: its stored fingerprint must not be an unkeyed hash of a body holding the code
        Map<String, Object> keyed = withCode(Api.person(org), code(false));
        Api.caseworker(org).header("Idempotency-Key", Api.unique("key")).body(keyed).post("/api/v1/persons").then().statusCode(201);
        keyed.remove("organisationId");
        String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.writeValueAsBytes(json.convertValue(keyed, PersonRequest.class))));

        List<String> needles = new ArrayList<>();
        for (String digits : SyntheticCodes.used()) {
            String hyphenated = digits.substring(0, 6) + "-" + digits.substring(6);
            for (String form : List.of(digits, hyphenated)) {
                needles.add(form);
                for (String algorithm : List.of("SHA-256", "SHA-1", "MD5", "SHA-512")) {
                    needles.add(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(form.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        needles.add(bodyHash);
        List<String> found = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("person", "audit_entry", "outbox_event", "idempotency_key");
            // one scan of each table for all the forms at once (digits, hyphens and hex: nothing a pattern reads specially)
            String any = String.join("|", needles.stream().map(String::toLowerCase).toList());
            for (String table : tables) {
                try (PreparedStatement scan = db.prepareStatement("select count(*) from \"" + table + "\" t where lower(t::text) ~ ?")) {
                    scan.setString(1, any);
                    try (ResultSet count = scan.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(table + " holds a code or an unkeyed hash of one");
                        }
                    }
                }
            }
        }
        String log = Files.readString(Path.of("target/profile-service-test.log"));
        List<String> events = new ArrayList<>();
        for (String topic : List.of("persons", "catalogue", "recommendations", "enrolments")) {
            try (TopicReader reader = new TopicReader("inclusion.topics." + topic)) {
                reader.poll(Duration.ofSeconds(2)).stream().map(ConsumerRecord::value).forEach(events::add);
            }
        }
        assertThat(events).as("events read").isNotEmpty();
        java.util.Set<String> inLog = tokens(log);
        java.util.Set<String> inEvents = tokens(String.join("\n", events));
        for (String needle : needles) {
            if (inLog.contains(needle.toLowerCase())) {
                found.add("the log holds " + (needle.length() > 12 ? "an unkeyed hash of a code" : "a code"));
            }
            if (inEvents.contains(needle.toLowerCase())) {
                found.add("an event holds " + (needle.length() > 12 ? "an unkeyed hash of a code" : "a code"));
            }
        }
        assertThat(found).isEmpty();
        System.out.printf("ONE-PERSON: %d codes, %d searched forms, %d events: none found%n", (needles.size() - 1) / 10, needles.size(), events.size());
    }
}
