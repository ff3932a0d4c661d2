package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21, parts 2 and 3: a referral both organisations can work. The referrer (the person's organisation) refers to
 * a measure of another organisation (the provider) with a contact and a message; the provider reads the referral, with
 * only the minimum (contact, needs, languages) and what the person's consents for this provider and this referral
 * release, special categories only when named; withdrawal stops it at once; a third organisation sees nothing; every
 * read is in the audit log and the person's export.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class ReferralTest {

    /** Every field a referral has; nothing else may appear. */
    private static final Set<String> REFERRAL_FIELDS = Set.of("id", "personId", "status", "reason", "note", "answerBy",
            "overdue", "referrer", "provider",
            "measure", "contact", "message", "needs", "goals", "languages", "shared", "version", "createdAt", "updatedAt");
    /** Profile fields of the person outside the referral's minimum: shown only when a consent releases them. */
    private static final List<String> PROFILE_KEYS = List.of("\"birthYear\"", "\"gender\"", "\"region\"", "\"municipality\"",
            "\"role\"", "\"archetype\"", "\"targetGroups\"", "\"legalBasis\"", "\"externalRef\"", "\"matchingAllowed\"");

    /** Organisations and a referral between them, with a person whose profile holds special-category data. */
    private record Scene(String referrer, String provider, String third, String measure, String person, String referral,
                         String municipality, String externalRef) {
    }

    private static Scene scene() {
        String referrer = Api.createOrganisation();
        String provider = Api.createOrganisation();
        String third = Api.createOrganisation();
        Map<String, Object> m = Api.measure(Api.unique("REF"), provider);
        m.put("needs", List.of("DIGITAL_SKILLS", "HOUSING", "PSYCHOLOGICAL"));
        m.put("goals", List.of("OPEN_LABOUR_MARKET"));
        String measure = Api.json().body(m).post("/api/v1/measures").then().statusCode(201).extract().path("id");
        String municipality = "Ogre" + UUID.randomUUID().toString().substring(0, 8);
        String externalRef = "CASE-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> p = Api.person(referrer);
        p.put("role", "PARTICIPANT");
        p.put("archetype", "SURVIVOR");
        p.put("birthYear", 1961);
        p.put("gender", "MALE");
        p.put("municipality", municipality);
        p.put("externalRef", externalRef);
        p.put("targetGroups", List.of("FORMER_PRISONER", "DISABILITY", "LONG_TERM_UNEMPLOYED", "ROMA"));
        p.put("needs", List.of("CAREER_GUIDANCE", "DIGITAL_SKILLS", "HOUSING"));
        p.put("goals", List.of("OPEN_LABOUR_MARKET", "EDUCATION"));
        p.put("languages", List.of("lv", "ru"));
        String person = Api.caseworker(referrer).body(p).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> refer = new HashMap<>(Map.of("personId", person, "measureId", measure,
                "contact", Map.of("name", "Anna Bērziņa", "email", "anna.berzina@probacija.example.lv"),
                "message", "Available on weekday mornings.\nPrefers a group in Latvian."));
        String referral = Api.caseworker(referrer).body(refer).post("/api/v1/enrolments")
                .then().statusCode(201).body("status", equalTo("REFERRED")).extract().path("id");
        return new Scene(referrer, provider, third, measure, person, referral, municipality, externalRef);
    }

    private static Response consent(Scene s, List<String> categories) {
        return Api.caseworker(s.referrer()).body(Map.of("recipientOrganisationId", s.provider(), "enrolmentId", s.referral(),
                "categories", categories, "givenOn", LocalDate.now(ZoneId.of("Europe/Riga")).toString()))
                .post("/api/v1/persons/" + s.person() + "/consents");
    }

    private static JsonPath read(RequestSpecification as, String referral) {
        return as.get("/api/v1/referrals/" + referral).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> keys(JsonPath json, String path) {
        return ((Map<String, Object>) json.get(path)).keySet();
    }

    @Test
    void theProviderReadsTheMinimumAndOnlyWhatTheConsentsRelease() {
        Scene s = scene();
        String reader = "provider-" + UUID.randomUUID();
        Supplier<RequestSpecification> provider = () -> Api.caseworker(reader, s.provider());
        int reads = 0;

        // without consent: the referral itself and nothing else of the person
        JsonPath minimum = read(provider.get(), s.referral());
        reads++;
        assertThat(keys(minimum, "")).isEqualTo(REFERRAL_FIELDS);
        assertThat(minimum.getString("referrer.id")).isEqualTo(s.referrer());
        assertThat(minimum.getString("referrer.code")).startsWith("ORG-");
        assertThat(minimum.getString("referrer.name")).isEqualTo("Org " + minimum.getString("referrer.code"));
        assertThat(minimum.getString("provider.id")).isEqualTo(s.provider());
        assertThat(minimum.getString("measure.id")).isEqualTo(s.measure());
        assertThat(minimum.getString("measure.title")).startsWith("Course REF-");
        assertThat(minimum.getString("contact.name")).isEqualTo("Anna Bērziņa");
        assertThat(minimum.getString("contact.email")).isEqualTo("anna.berzina@probacija.example.lv");
        assertThat(keys(minimum, "contact")).containsExactlyInAnyOrder("name", "email", "phone");
        assertThat(minimum.getString("contact.phone")).isNull();
        assertThat(minimum.getString("message")).isEqualTo("Available on weekday mornings.\nPrefers a group in Latvian.");
        // the person's needs and goals that the measure addresses (PSYCHOLOGICAL is the measure's, not the person's)
        assertThat(minimum.getList("needs")).containsExactly("DIGITAL_SKILLS", "HOUSING");
        assertThat(minimum.getList("goals")).containsExactly("OPEN_LABOUR_MARKET");
        assertThat(minimum.getList("languages")).containsExactly("lv", "ru");
        assertThat(keys(minimum, "shared")).containsExactlyInAnyOrder("categories", "consentIds");
        assertThat(minimum.getList("shared.categories")).isEmpty();
        String body = provider.get().get("/api/v1/referrals/" + s.referral()).asString();
        reads++;
        assertThat(body).doesNotContain(s.municipality(), s.externalRef(), "1961", "FORMER_PRISONER", "ROMA", "SURVIVOR");

        // AGE and TARGET_GROUPS: the birth year and the ordinary target groups, no special one
        Response recorded = consent(s, List.of("AGE", "TARGET_GROUPS"));
        recorded.then().statusCode(201).body("status", equalTo("ACTIVE"), "categories", equalTo(List.of("AGE", "TARGET_GROUPS")),
                "recipient.id", equalTo(s.provider()), "givenOn", equalTo(LocalDate.now(ZoneId.of("Europe/Riga")).toString()));
        String first = recorded.path("id");
        assertThat(recorded.header("Location")).endsWith("/api/v1/persons/" + s.person() + "/consents/" + first);
        assertThat(recorded.header("ETag")).isEqualTo("\"0\"");
        JsonPath consented = read(provider.get(), s.referral());
        reads++;
        assertThat(keys(consented, "shared")).containsExactlyInAnyOrder("categories", "consentIds", "birthYear", "targetGroups");
        assertThat(consented.getList("shared.categories")).containsExactly("AGE", "TARGET_GROUPS");
        assertThat(consented.getList("shared.consentIds")).containsExactly(first);
        assertThat(consented.getInt("shared.birthYear")).isEqualTo(1961);
        assertThat(consented.getList("shared.targetGroups")).containsExactly("LONG_TERM_UNEMPLOYED");
        assertThat(keys(consented, "")).isEqualTo(REFERRAL_FIELDS);

        // CRIMINAL_RECORD named too: FORMER_PRISONER appears; disability and ethnicity still do not
        String etag = provider.get().get("/api/v1/referrals/" + s.referral()).then().statusCode(200).extract().header("ETag");
        reads++;
        String second = consent(s, List.of("CRIMINAL_RECORD")).then().statusCode(201).extract().path("id");
        Response changed = provider.get().header("If-None-Match", etag).get("/api/v1/referrals/" + s.referral());
        reads++;
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        JsonPath criminal = changed.jsonPath();
        assertThat(criminal.getList("shared.categories")).containsExactly("AGE", "TARGET_GROUPS", "CRIMINAL_RECORD");
        assertThat(criminal.getList("shared.targetGroups")).containsExactly("FORMER_PRISONER", "LONG_TERM_UNEMPLOYED");
        provider.get().header("If-None-Match", changed.header("ETag")).get("/api/v1/referrals/" + s.referral())
                .then().statusCode(304);
        reads++;

        // the referrer sees what it shares; the list of received referrals is the provider's
        assertThat(read(Api.caseworker(s.referrer()), s.referral()).getList("shared.targetGroups"))
                .containsExactly("FORMER_PRISONER", "LONG_TERM_UNEMPLOYED");
        JsonPath received = provider.get().queryParam("status", "REFERRED").get("/api/v1/referrals").then().statusCode(200)
                .extract().jsonPath();
        reads++;
        assertThat(received.getList("items.id")).containsExactly(s.referral());
        assertThat(received.getList("items[0].shared.targetGroups")).containsExactly("FORMER_PRISONER", "LONG_TERM_UNEMPLOYED");
        assertThat(provider.get().queryParam("status", "ACCEPTED").get("/api/v1/referrals").then().statusCode(200)
                .extract().<Integer>path("total")).isZero(); // not a read of the person
        Api.caseworker(s.referrer()).get("/api/v1/referrals").then().statusCode(200).body("total", equalTo(0));
        Api.caseworker(s.third()).get("/api/v1/referrals").then().statusCode(200).body("total", equalTo(0));

        // withdrawing: the next read no longer has what that consent released
        Api.caseworker(s.referrer()).header("If-Match", "\"7\"")
                .post("/api/v1/persons/" + s.person() + "/consents/" + first + "/withdrawal").then().statusCode(412);
        Api.caseworker(s.referrer()).post("/api/v1/persons/" + s.person() + "/consents/" + first + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"), "withdrawnBy", equalTo("test-caseworker"));
        JsonPath afterFirst = read(provider.get(), s.referral());
        reads++;
        assertThat(keys(afterFirst, "shared")).containsExactlyInAnyOrder("categories", "consentIds", "targetGroups");
        assertThat(afterFirst.getList("shared.targetGroups")).containsExactly("FORMER_PRISONER");
        // no body and no Content-Type, as a plain client sends it
        RestAssured.given().auth().oauth2(Api.token(List.of("CASEWORKER"), s.referrer())).header("If-Match", "\"0\"")
                .post("/api/v1/persons/" + s.person() + "/consents/" + second + "/withdrawal").then().statusCode(200);
        JsonPath afterBoth = read(provider.get(), s.referral());
        reads++;
        assertThat(keys(afterBoth, "shared")).containsExactlyInAnyOrder("categories", "consentIds");
        assertThat(afterBoth.getList("needs")).containsExactly("DIGITAL_SKILLS", "HOUSING");
        Api.caseworker(s.referrer()).post("/api/v1/persons/" + s.person() + "/consents/" + second + "/withdrawal")
                .then().statusCode(409).body("type", equalTo("https://inclusion-match.org/problems/consent-not-active"));

        // a third organisation, and the provider outside the referral: "not visible", never "does not exist"
        Api.caseworker(s.third()).get("/api/v1/referrals/" + s.referral()).then().statusCode(404)
                .body("detail", equalTo("Referral " + s.referral() + " is not visible to your organisation"));
        String nobody = UUID.randomUUID().toString();
        Api.caseworker(s.third()).get("/api/v1/referrals/" + nobody).then().statusCode(404)
                .body("detail", equalTo("Referral " + nobody + " is not visible to your organisation"));
        provider.get().get("/api/v1/persons/" + s.person()).then().statusCode(404)
                .body("detail", equalTo("Person " + s.person() + " is not visible to your organisation"));
        provider.get().get("/api/v1/persons/" + s.person() + "/consents").then().statusCode(404);
        Api.caseworker(s.third()).get("/api/v1/persons/" + s.person() + "/consents/" + first).then().statusCode(404);

        // every read by the provider is a read of the person in the audit log and in the person's export
        List<Map<String, Object>> audit = Api.as(List.of("AUDITOR"), null).queryParam("personId", s.person())
                .queryParam("subject", reader).queryParam("size", 100).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(audit).filteredOn(e -> "REFERRAL".equals(e.get("resourceType")) && "ALLOWED".equals(e.get("outcome")))
                .hasSize(reads)
                .allSatisfy(e -> assertThat(e.get("organisationId")).isEqualTo(s.provider()));
        assertThat(audit).filteredOn(e -> !"REFERRAL".equals(e.get("resourceType")))
                .extracting(e -> e.get("resourceType") + "/" + e.get("httpStatus")).containsExactlyInAnyOrder("PERSON/404", "CONSENT/404");
        assertThat(audit).hasSize(reads + 2);
        JsonPath export = Api.caseworker(s.referrer()).get("/api/v1/persons/" + s.person() + "/export").then().statusCode(200)
                .extract().jsonPath();
        assertThat(export.getList("consents.id")).containsExactly(first, second);
        assertThat(export.getList("consents.status")).containsExactly("WITHDRAWN", "WITHDRAWN");
        assertThat(export.getList("consents.categories")).containsExactly(List.of("AGE", "TARGET_GROUPS"), List.of("CRIMINAL_RECORD"));
        assertThat(export.getList("consents.recipient.id")).containsOnly(s.provider());
        assertThat(export.getList("referrals.id")).containsExactly(s.referral());
        assertThat(export.getString("referrals[0].contact.name")).isEqualTo("Anna Bērziņa");
        assertThat(export.getList("accessLog.findAll { it.subject == '" + reader + "' && it.resourceType == 'REFERRAL' }"))
                .hasSize(reads);
        System.out.printf("REFERRAL: %d reads by the provider, each in the audit log and the export%n", reads);
    }

    @Test
    void aConsentLapsesWhenItsReferralClosesAndNoneCanBeRecordedThen() {
        Scene s = scene();
        String id = consent(s, List.of("DISABILITY", "NEEDS_AND_GOALS", "ARCHETYPE", "REGION", "GENDER")).then().statusCode(201)
                .body("status", equalTo("ACTIVE"), "endedAt", equalTo(null), "recordedBy", equalTo("test-caseworker"),
                        "purpose.enrolmentId", equalTo(s.referral()), "purpose.measure.id", equalTo(s.measure()))
                .extract().path("id");
        JsonPath shared = read(Api.caseworker(s.provider()), s.referral());
        // DISABILITY alone releases its group; NEEDS_AND_GOALS all needs and goals (PSYCHOLOGICAL would need DISABILITY)
        assertThat(shared.getList("shared.targetGroups")).containsExactly("DISABILITY");
        assertThat(shared.getList("shared.needs")).containsExactly("CAREER_GUIDANCE", "DIGITAL_SKILLS", "HOUSING");
        assertThat(shared.getList("shared.goals")).containsExactly("OPEN_LABOUR_MARKET", "EDUCATION");
        assertThat(shared.getString("shared.archetype")).isEqualTo("SURVIVOR");
        assertThat(shared.getString("shared.role")).isEqualTo("PARTICIPANT");
        assertThat(shared.getString("shared.region")).isEqualTo("PIERIGA");
        assertThat(shared.getString("shared.municipality")).isEqualTo(s.municipality());
        assertThat(shared.getString("shared.gender")).isEqualTo("MALE");
        assertThat(keys(shared, "shared")).doesNotContain("birthYear");
        String etag = Api.caseworker(s.referrer()).get("/api/v1/persons/" + s.person() + "/consents/" + id)
                .then().statusCode(200).extract().header("ETag");

        Api.caseworker(s.referrer()).body(Map.of("status", "CANCELLED", "reason", "NOT_ELIGIBLE"))
                .post("/api/v1/enrolments/" + s.referral() + "/status").then().statusCode(200);
        JsonPath closed = read(Api.caseworker(s.provider()), s.referral());
        assertThat(closed.getString("status")).isEqualTo("CANCELLED");
        assertThat(keys(closed, "shared")).containsExactlyInAnyOrder("categories", "consentIds");
        Api.caseworker(s.referrer()).header("If-None-Match", etag).get("/api/v1/persons/" + s.person() + "/consents/" + id)
                .then().statusCode(200).body("status", equalTo("LAPSED"), "endedAt", org.hamcrest.Matchers.notNullValue());
        Api.caseworker(s.referrer()).get("/api/v1/persons/" + s.person() + "/consents").then().statusCode(200)
                .body("total", equalTo(1), "items[0].status", equalTo("LAPSED"));
        consent(s, List.of("AGE")).then().statusCode(409)
                .body("type", equalTo("https://inclusion-match.org/problems/consent-not-active"));
        Api.caseworker(s.referrer()).post("/api/v1/persons/" + s.person() + "/consents/" + id + "/withdrawal")
                .then().statusCode(409);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Scene s = scene();
        String person = s.person();
        Map<String, Map<String, Object>> referrals = new LinkedHashMap<>();
        referrals.put("contact.email", Map.of("contact", Map.of("name", "Anna", "email", "not-an-email")));
        referrals.put("contact.phone", Map.of("contact", Map.of("name", "Anna", "phone", "call me")));
        referrals.put("contact.name", Map.of("contact", Map.of("email", "anna@example.lv")));
        referrals.put("contact", Map.of("contact", Map.of("name", "Anna")));
        referrals.put("message", Map.of("message", "x".repeat(2001)));
        referrals.put("needs[1]", Map.of("needs", List.of("DIGITAL_SKILLS", "FIRST_JOB")));
        referrals.put("goals[0]", Map.of("goals", List.of("START_BUSINESS")));
        // a measure of its own, so these referrals are not refused as a second one to the same measure
        String measure = Api.json().body(Api.measure(Api.unique("BAD"), s.provider())).post("/api/v1/measures")
                .then().statusCode(201).extract().path("id");
        referrals.forEach((field, extra) -> {
            Map<String, Object> body = new HashMap<>(extra);
            body.put("personId", person);
            body.put("measureId", measure);
            Api.caseworker(s.referrer()).body(body).post("/api/v1/enrolments").then().statusCode(400)
                    .body("violations[0].field", equalTo(field));
        });
        Api.caseworker(s.referrer()).queryParam("measureId", measure).get("/api/v1/enrolments")
                .then().statusCode(200).body("total", equalTo(0));

        String riga = LocalDate.now(ZoneId.of("Europe/Riga")).toString();
        Map<String, Map<String, Object>> consents = new LinkedHashMap<>();
        consents.put("categories[1]", Map.of("categories", List.of("AGE", "LANGUAGES")));
        consents.put("categories", Map.of("categories", List.of()));
        consents.put("givenOn", Map.of("givenOn", LocalDate.now(ZoneId.of("Europe/Riga")).plusDays(2).toString()));
        consents.put("recipientOrganisationId", Map.of("recipientOrganisationId", s.third()));
        consents.put("recipientOrganisationId ", Map.of("recipientOrganisationId", UUID.randomUUID().toString()));
        consents.put("enrolmentId", Map.of("enrolmentId", UUID.randomUUID().toString()));
        consents.forEach((field, extra) -> {
            Map<String, Object> body = new HashMap<>(Map.of("recipientOrganisationId", s.provider(), "enrolmentId", s.referral(),
                    "categories", List.of("AGE"), "givenOn", riga));
            body.putAll(extra);
            Api.caseworker(s.referrer()).body(body).post("/api/v1/persons/" + person + "/consents").then().statusCode(400)
                    .body("violations[0].field", equalTo(field.strip()));
        });
        // another person's referral is not a purpose for this one's consent
        String other = Api.caseworker(s.referrer()).body(Api.person(s.referrer())).post("/api/v1/persons")
                .then().statusCode(201).extract().path("id");
        Api.caseworker(s.referrer()).body(Map.of("recipientOrganisationId", s.provider(), "enrolmentId", s.referral(),
                        "categories", List.of("AGE"), "givenOn", riga)).post("/api/v1/persons/" + other + "/consents")
                .then().statusCode(400).body("violations[0].field", equalTo("enrolmentId"));
        // only the person's organisation records consent
        Api.caseworker(s.provider()).body(Map.of("recipientOrganisationId", s.provider(), "enrolmentId", s.referral(),
                "categories", List.of("AGE"), "givenOn", riga)).post("/api/v1/persons/" + person + "/consents").then().statusCode(404);
        Api.caseworker(s.referrer()).get("/api/v1/persons/" + person + "/consents").then().statusCode(200).body("total", equalTo(0));
        assertThat(read(Api.caseworker(s.provider()), s.referral()).getList("shared.categories")).isEmpty();
    }

    /**
     * The provider learns nothing of the person beyond the referral view through any endpoint: every GET operation of the
     * served API document, called by each organisation-scoped role of the provider with the person's id (and then the
     * referral's) in every path parameter and in every person query parameter. A 2xx body naming the person or the
     * referral has none of the profile's keys (the consent that released some is withdrawn), and no body anywhere has
     * the person's municipality or external reference.
     */
    @Test
    void theProviderLearnsNothingElseOfThePersonThroughAnyEndpoint() throws Exception {
        Scene s = scene();
        String consent = consent(s, List.of("AGE", "GENDER", "REGION", "ARCHETYPE", "TARGET_GROUPS", "NEEDS_AND_GOALS",
                "DISABILITY", "ETHNICITY", "CRIMINAL_RECORD")).then().statusCode(201).extract().path("id");
        assertThat(read(Api.caseworker(s.provider()), s.referral()).getString("shared.municipality")).isEqualTo(s.municipality());
        Api.caseworker(s.referrer()).post("/api/v1/persons/" + s.person() + "/consents/" + consent + "/withdrawal")
                .then().statusCode(200);

        JsonNode doc = Api.servedDocuments();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        int referralReads = 0;
        for (String id : List.of(s.person(), s.referral())) {
            for (var path : doc.get("paths").properties()) {
                JsonNode get = path.getValue().get("get");
                if (get == null) {
                    continue;
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", id);
                Map<String, Object> query = new HashMap<>();
                for (JsonNode parameter : get.path("parameters")) {
                    if ("query".equals(parameter.path("in").asText()) && parameter.path("name").asText().toLowerCase().contains("personid")) {
                        query.put(parameter.path("name").asText(), s.person());
                    }
                }
                for (String role : List.of("ADMIN", "CASEWORKER", "PARTNER")) {
                    calls++;
                    Response r = Api.as(List.of(role), s.provider()).queryParams(query).get(url);
                    String body = r.asString();
                    if (r.statusCode() / 100 != 2) {
                        continue;
                    }
                    if (url.equals("/api/v1/referrals/" + s.referral())) {
                        referralReads++;
                    }
                    if (body.contains(s.municipality()) || body.contains(s.externalRef())) {
                        leaks.add(role + " GET " + url + " " + query + " -> the municipality or externalRef");
                    }
                    if (body.contains(s.person()) || body.contains(s.referral())) {
                        for (String key : PROFILE_KEYS) {
                            if (body.contains(key)) {
                                leaks.add(role + " GET " + url + " " + query + " -> " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(referralReads).as("the referral view itself was among the reads").isEqualTo(3);
        assertThat(leaks).as("2xx answers with the person's data beyond the referral").isEmpty();
        System.out.printf("REFERRAL: %d GET calls by 3 provider roles, none shows the person beyond the referral%n", calls);
    }

    /** Events stay ids only: the contact, the message and the consent's categories go to no topic. */
    @Test
    void theReferralsContactMessageAndConsentsGoIntoNoEvent() {
        Scene s = scene();
        String canary = "CANARY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        String person = Api.caseworker(s.referrer()).body(Api.person(s.referrer())).post("/api/v1/persons")
                .then().statusCode(201).extract().path("id");
        String referral = Api.caseworker(s.referrer()).body(Map.of("personId", person, "measureId", s.measure(),
                        "contact", Map.of("name", canary + " Name", "email", canary.toLowerCase() + "@example.lv"),
                        "message", canary + " message")).post("/api/v1/enrolments")
                .then().statusCode(201).extract().path("id");
        Api.caseworker(s.referrer()).body(Map.of("recipientOrganisationId", s.provider(), "enrolmentId", referral,
                        "categories", List.of("CRIMINAL_RECORD"), "givenOn", LocalDate.now(ZoneId.of("Europe/Riga")).toString()))
                .post("/api/v1/persons/" + person + "/consents").then().statusCode(201);
        Api.caseworker(s.provider()).body(Map.of("status", "ACCEPTED")).post("/api/v1/enrolments/" + referral + "/status")
                .then().statusCode(200);
        try (TopicReader enrolments = new TopicReader("inclusion.topics.enrolments");
             TopicReader persons = new TopicReader("inclusion.topics.persons")) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> enrolments.eventsAbout(referral, java.time.Duration.ofMillis(200)).size() >= 2);
            assertThat(enrolments.poll(java.time.Duration.ZERO)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.value().toUpperCase()).doesNotContain(canary, "CRIMINAL_RECORD"));
            assertThat(persons.poll(java.time.Duration.ofMillis(500)))
                    .allSatisfy(r -> assertThat(r.value().toUpperCase()).doesNotContain(canary, "CRIMINAL_RECORD"));
        }
    }

    /** Consents and reads racing an erasure or each other: 404 or 409, never a 500. */
    @Test
    void racesWithAnErasureOrAnotherWithdrawalAreNeverServerErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 8; i++) {
                Scene s = scene();
                String consent = consent(s, List.of("AGE")).then().statusCode(201).extract().path("id");
                CyclicBarrier together = new CyclicBarrier(3);
                String withdrawal = "/api/v1/persons/" + s.person() + "/consents/" + consent + "/withdrawal";
                Future<Response> one = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(s.referrer()).post(withdrawal);
                });
                Future<Response> two = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(s.referrer()).post(withdrawal);
                });
                Future<Response> reading = pool.submit(() -> {
                    together.await();
                    return Api.caseworker(s.provider()).get("/api/v1/referrals/" + s.referral());
                });
                assertThat(List.of(one.get().statusCode(), two.get().statusCode())).containsExactlyInAnyOrder(200, 409);
                assertThat(reading.get().statusCode()).isEqualTo(200);

                CyclicBarrier again = new CyclicBarrier(3);
                Future<Response> erased = pool.submit(() -> {
                    again.await();
                    return Api.caseworker(s.referrer()).header("If-Match", "*").delete("/api/v1/persons/" + s.person());
                });
                Future<Response> recorded = pool.submit(() -> {
                    again.await();
                    return consent(s, List.of("GENDER"));
                });
                Future<Response> read = pool.submit(() -> {
                    again.await();
                    return Api.caseworker(s.provider()).get("/api/v1/referrals/" + s.referral());
                });
                assertThat(erased.get().statusCode()).as(erased.get().asString()).isEqualTo(204);
                assertThat(recorded.get().statusCode()).as(recorded.get().asString()).isIn(201, 404);
                assertThat(read.get().statusCode()).as(read.get().asString()).isIn(200, 404);
                Api.caseworker(s.provider()).get("/api/v1/referrals/" + s.referral()).then().statusCode(404);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
