package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/**
 * Latvian and English by Accept-Language: labels, reason sentences and problems, with Content-Language and
 * Vary. The test profile's default language is English (see application.properties), so a header naming no
 * language we speak must give the same answer as no header.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class I18nTest {

    @Test
    void theVocabularyHasEveryListWithBothLabelsAndAnswersInTheAskedLanguage() {
        Response lv = Api.json().header("Accept-Language", "lv-LV,lv;q=0.9,en;q=0.5").get("/api/v1/vocabulary");
        lv.then().statusCode(200).header("Content-Language", "lv").header("Vary", containsString("Accept-Language"))
                .body("language", equalTo("lv"))
                .body("codeLists.name", hasItem("needs"))
                .body("codeLists.find { it.name == 'regions' }.codes.find { it.code == 'PIERIGA' }.label", equalTo("Pierīga"))
                .body("codeLists.find { it.name == 'regions' }.codes.find { it.code == 'PIERIGA' }.labels.en", equalTo("Pieriga"))
                .body("codeLists.find { it.name == 'needs' }.open", equalTo(true))
                .body("codeLists.find { it.name == 'measureKinds' }.codes.find { it.code == 'HALFWAY_HOUSE' }.label", equalTo("Pusceļa māja"));
        Response en = Api.json().header("Accept-Language", "en-GB").get("/api/v1/vocabulary");
        en.then().statusCode(200).header("Content-Language", "en")
                .body("codeLists.find { it.name == 'measureKinds' }.codes.find { it.code == 'HALFWAY_HOUSE' }.label", equalTo("Half-way house"));
        assertThat(lv.asString()).isNotEqualTo(en.asString());
        assertThat(lv.header("ETag")).isNotEqualTo(en.header("ETag"));
        List<String> names = lv.path("codeLists.name");
        assertThat(names).containsExactly("needs", "goals", "targetGroups", "regions", "roles", "archetypes", "genders",
                "legalBases", "measureKinds", "organisationKinds", "enrolmentStatuses", "enrolmentReasons", "referralDeclineReasons",
                "outcomeStatuses", "decisions", "declineReasons", "reasonCodes", "allocationRoundStatuses",
                "allocationObjectives", "allocationReasons", "fairnessStages", "fairnessDimensions", "ageBands",
                "shareCategories", "consentStatuses", "recommendationStatuses", "webhookEventTypes", "webhookEndpointStatuses");
    }

    /** A form offers only the archetypes of the chosen role: the list says which role each belongs to. */
    @Test
    void eachArchetypeSaysItsRoleAndAPersonMustMatchIt() {
        Response archetypes = Api.json().header("Accept-Language", "en").get("/api/v1/vocabulary/archetypes");
        archetypes.then().statusCode(200)
                .body("codes.find { it.code == 'FOUNDER' }.role", equalTo("FACILITATOR"))
                .body("codes.find { it.code == 'SAFE_HAVEN' }.role", equalTo("PARTICIPANT"))
                .body("codes.find { it.code == 'FUTURE_FACILITATOR' }.role", equalTo("SUPPORT_PERSON"));
        List<String> roles = archetypes.path("codes.role");
        assertThat(roles).hasSize(12).allMatch(role -> List.of("PARTICIPANT", "SUPPORT_PERSON", "FACILITATOR").contains(role));
        // other lists have no role at all (not a null one)
        assertThat(Api.json().get("/api/v1/vocabulary/needs").asString()).doesNotContain("\"role\"");
        Api.json().get("/api/v1/vocabulary").then().statusCode(200)
                .body("codeLists.find { it.name == 'archetypes' }.codes.find { it.code == 'BEGINNER' }.role", equalTo("FACILITATOR"));

        String org = Api.createOrganisation();
        Map<String, Object> person = Api.person(org);
        person.put("archetype", "FOUNDER");
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("archetype"),
                        "violations[0].message", containsString("FOUNDER belongs to role FACILITATOR, not PARTICIPANT"));
        person.put("role", "FACILITATOR");
        Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201);
    }

    @Test
    void anUnknownWildcardOrRefusedLanguageFallsBack() {
        String none = Api.json().get("/api/v1/vocabulary/regions").asString();
        for (String header : List.of("de", "*", "xx-YY, fr;q=0.5", "en;q=abc", ";;;", "\u00e9")) {
            Response answer = Api.json().header("Accept-Language", header).get("/api/v1/vocabulary/regions");
            answer.then().statusCode(200);
            assertThat(answer.asString()).as(header).isEqualTo(none);
        }
        Api.json().header("Accept-Language", "en;q=0, *").get("/api/v1/vocabulary/regions").then()
                .header("Content-Language", "lv").body("codes.find { it.code == 'RIGA' }.label", equalTo("Rīga"));
        Api.json().header("Accept-Language", "lv;q=0").get("/api/v1/vocabulary/regions").then()
                .header("Content-Language", "en").body("codes.find { it.code == 'RIGA' }.label", equalTo("Riga"));
        Api.json().header("Accept-Language", "x".repeat(5000)).get("/api/v1/vocabulary/regions").then().statusCode(200);
    }

    @Test
    void theVocabularyIsCacheableByItsTag() {
        Response first = Api.json().header("Accept-Language", "lv").get("/api/v1/vocabulary/needs");
        String tag = first.header("ETag");
        assertThat(tag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=3600").contains("private");
        Api.json().header("Accept-Language", "lv").header("If-None-Match", tag).get("/api/v1/vocabulary/needs")
                .then().statusCode(304).header("ETag", tag);
        Api.json().header("Accept-Language", "en").header("If-None-Match", tag).get("/api/v1/vocabulary/needs")
                .then().statusCode(200);
        Api.json().header("Accept-Language", "lv").header("If-None-Match", "\"other\"").get("/api/v1/vocabulary/needs")
                .then().statusCode(200);
    }

    @Test
    void anyRoleMayReadItButNotAnonymously() {
        Api.matcher().get("/api/v1/vocabulary/roles").then().statusCode(200);
        Api.anonymous().header("Accept-Language", "lv").get("/api/v1/vocabulary").then().statusCode(401)
                .header("Content-Language", "lv").body("title", equalTo("Nav autentificēts"));
        Api.json().header("Accept-Language", "lv").get("/api/v1/vocabulary/nope").then().statusCode(404)
                .body("title", equalTo("Nav atrasts"), "detail", equalTo("Kodu saraksts nope nepastāv"));
        Api.json().get("/api/v1/vocabulary/%3Cscript%3E").then().statusCode(404)
                .body("detail", equalTo("Code list ? does not exist"));
    }

    @Test
    void problemsAreInTheAskedLanguageAndEnglishStaysAsWritten() {
        String missing = "/api/v1/organisations/" + UUID.randomUUID();
        Api.json().header("Accept-Language", "lv").get(missing).then().statusCode(404)
                .header("Content-Language", "lv").header("Vary", containsString("Accept-Language"))
                .body("title", equalTo("Nav atrasts"), "detail", containsString("Jūsu organizācija neredz šo ierakstu: Organizācija "),
                        "type", equalTo("https://inclusion-match.org/problems/not-found"));
        Api.json().header("Accept-Language", "en").get(missing).then().statusCode(404)
                .header("Content-Language", "en").body("title", equalTo("Not found"), "detail", containsString(" is not visible to your organisation"));
        Api.json().header("Accept-Language", "lv").body("{\"code\": ").post("/api/v1/organisations").then().statusCode(400)
                .body("title", equalTo("Bojāts JSON"));
        // Bean Validation's messages and the domain's rules in Latvian too; the fields stay the JSON fields
        Api.json().header("Accept-Language", "lv").body(Map.of("code", "x")).post("/api/v1/organisations").then().statusCode(400)
                .body("title", equalTo("Nederīgs pieprasījums"), "violations.field", hasItem("code"),
                        "violations.find { it.field == 'name' }.message", equalTo("nedrīkst būt tukšs"),
                        "detail", containsString("name nedrīkst būt tukšs"));
        String org = Api.createOrganisation();
        Map<String, Object> measure = Api.measure(Api.unique("I18N"), org);
        measure.put("seatsTaken", 12);
        Api.json().header("Accept-Language", "lv").body(measure).post("/api/v1/measures").then().statusCode(400)
                .body("detail", equalTo("seatsTaken: nedrīkst pārsniegt ietilpību (10)"),
                        "violations[0].field", equalTo("seatsTaken"), "violations[0].message", equalTo("nedrīkst pārsniegt ietilpību (10)"));
        Api.json().header("Accept-Language", "en").body(measure).post("/api/v1/measures").then().statusCode(400)
                .body("detail", equalTo("seatsTaken: must not exceed capacity (10)"));
    }

    @Test
    void reasonSentencesAreRenderedInTheAskedLanguageFromTheStoredCodes() {
        String org = Api.createOrganisation();
        String measure = Api.json().body(Api.measure(Api.unique("I18N"), org)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        Map<String, Object> result = Map.of("profileVersion", 0, "engineVersion", "engine-test", "evaluationDay", "2026-11-23",
                "computedAt", "2026-11-23T10:00:00Z",
                "recommendations", List.of(Map.of("rank", 1, "measureId", measure, "measureCode", "M-1", "score", 0.8,
                        "reasons", List.of(
                                Map.of("code", "NEED_MATCH", "params", Map.of("need", "HOUSING"), "text", "Covers the need HOUSING."),
                                Map.of("code", "SEATS_LEFT", "params", Map.of("seats", "21"), "text", "21 seats left."),
                                Map.of("code", "FUTURE_REASON", "params", Map.of(), "text", "A reason of a newer worker.")))),
                "whyNot", List.of(Map.of("measureId", measure, "measureCode", "M-2",
                        "unmet", List.of(Map.of("code", "MEASURE_FULL", "params", Map.of("capacity", "12"),
                                "text", "Full: all 12 places are taken.")),
                        "changes", List.of(Map.of("code", "WAITLIST", "params", Map.of(),
                                "text", "A referral joins the waitlist and gets a place when one is freed."))),
                        Map.of("measureId", measure, "measureCode", "M-3",
                                "unmet", List.of(Map.of("code", "NOT_IN_REGION", "params", Map.of("regions", "VIDZEME,RIGA"),
                                                "text", "Not offered in the person's region; offered in VIDZEME, RIGA."),
                                        Map.of("code", "RULE_NOT_MET", "params", Map.of("owner", "PROGRAMME", "code", "YOUTH",
                                                "condition", "person.age <= 29"), "text", "The eligibility rule of programme YOUTH is not met: person.age <= 29")),
                                "changes", List.of(Map.of("code", "WAITLIST", "params", Map.of("waiting", "5",
                                        "releasedLast90Days", "9", "expectedWaitDays", "60"), "text", "A referral joins the waitlist behind 5 persons; at the pace ...")))));
        Api.matcher().body(result).put("/api/v1/persons/" + person + "/recommendations").then().statusCode(200);
        String path = "/api/v1/persons/" + person + "/recommendations";

        Api.caseworker(org).header("Accept-Language", "lv").get(path).then().statusCode(200)
                .header("Content-Language", "lv").header("Vary", containsString("Accept-Language"))
                .body("recommendations[0].reasons.code", equalTo(List.of("NEED_MATCH", "SEATS_LEFT", "FUTURE_REASON")))
                .body("recommendations[0].reasons[0].params.need", equalTo("HOUSING"))
                .body("recommendations[0].reasons[0].text", equalTo("Atbilst vajadzībai: Mājoklis."))
                .body("recommendations[0].reasons[1].text", equalTo("Brīva vēl 21 vieta."))
                .body("recommendations[0].reasons[2].text", equalTo("A reason of a newer worker."))
                .body("whyNot[0].unmet[0].text", equalTo("Visas 12 vietas ir aizņemtas."))
                .body("whyNot[0].changes[0].text", equalTo("Nosūtījums nonāks gaidīšanas sarakstā; vietu piešķir, kad tā atbrīvojas."))
                .body("whyNot[1].unmet.text", equalTo(List.of("Nav pieejams personas reģionā; pieejams: Vidzeme, Rīga.",
                        "Neatbilst programmas atbilstības nosacījumam: vecums līdz 29 gadiem.")))
                .body("whyNot[1].changes[0].text", equalTo("Nosūtījums nonāks gaidīšanas sarakstā aiz 5 personām; ar pēdējo "
                        + "90 dienu tempu (9 atbrīvotas vietas) vieta būs aptuveni pēc 60 dienām."))
                .body("whyNot[1].unmet[1].params.condition", equalTo("person.age <= 29")); // the codes and params as stored
        // English too is rendered from the codes: labels, not codes; the rule in words, not CEL
        Api.caseworker(org).header("Accept-Language", "en").get(path).then().statusCode(200)
                .header("Content-Language", "en")
                .body("recommendations[0].reasons[0].text", equalTo("Covers a need: Housing."))
                .body("recommendations[0].reasons[1].text", equalTo("21 places left."))
                .body("recommendations[0].reasons[2].text", equalTo("A reason of a newer worker."))
                .body("whyNot[0].unmet[0].text", equalTo("Full: all 12 places are taken."))
                .body("whyNot[1].unmet.text", equalTo(List.of("Not offered in the person's region; offered in: Vidzeme, Riga.",
                        "Does not meet the programme's eligibility rule: aged 29 or under.")))
                .body("whyNot[1].changes[0].text", equalTo("A referral joins the waitlist behind 5 persons; at the pace of "
                        + "the last 90 days (9 places freed) a place in about 60 days."));
        // a copy in one language is not "not modified" for the other: the tag names the language
        String latvianTag = Api.caseworker(org).header("Accept-Language", "lv").get(path).then().statusCode(200)
                .extract().header("ETag");
        Api.caseworker(org).header("Accept-Language", "lv").header("If-None-Match", latvianTag).get(path).then()
                .statusCode(304);
        Api.caseworker(org).header("Accept-Language", "en").header("If-None-Match", latvianTag).get(path).then()
                .statusCode(200).header("Content-Language", "en").header("ETag", not(equalTo(latvianTag)));
        // the stored sentences are untouched: the person's export shows what the worker wrote
        Api.caseworker(org).header("Accept-Language", "lv").get("/api/v1/persons/" + person + "/export").then().statusCode(200)
                .body(containsString("Covers the need HOUSING."));
    }
}
