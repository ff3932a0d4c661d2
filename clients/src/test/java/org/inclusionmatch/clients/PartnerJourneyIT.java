package org.inclusionmatch.clients;

import com.fasterxml.jackson.databind.JsonNode;
import org.inclusionmatch.client.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's whole journey with the generated Java client, through Prism (every call validated against the committed
 * document, see {@link RunningService}): a municipality's social service records a single mother from Sigulda, reads
 * her recommendations, accepts the career consultation (which refers her to the Latvian Red Cross), records her consent
 * to share two categories; the Red Cross finds the referral in its inbox, reads it, accepts, enrols and completes; the
 * referrer records the outcome and exports everything held about her. Every answer must be a generated model, and the
 * journey must leave Prism without a single violation.
 */
class PartnerJourneyIT {

    static RunningService service;
    static GeneratedClient admin;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.get();
        admin = new GeneratedClient(service.url, service.token("ADMIN", null));
        GeneratedJavaClientIT.Fixture.importDemoCatalogue(admin);
    }

    @Test
    void aReferrerAndAProviderWorkAReferralFromRecommendationToOutcome() throws Exception {
        long before = service.prism.forwarded();

        // The referrer, a municipality's social service, and the provider of the career consultation (demo catalogue).
        String referrerId = id(admin.call("createOrganisation", Map.of("body", Map.of(
                "code", "SIGULDA-SOC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "name", "Sigulda Municipality Social Service", "kind", "MUNICIPALITY", "region", "PIERIGA"))));
        String providerId = first(admin, "listOrganisations", Map.of("code", "LRC")).path("id").asText();
        JsonNode measure = first(admin, "listMeasures", Map.of("code", "LRC-PIE-CAREER"));
        String programmeId = first(admin, "listProgrammes", Map.of("code", "MOTIV-PIERIGA-2026")).path("id").asText();
        GeneratedClient referrer = new GeneratedClient(service.url, service.token("CASEWORKER", UUID.fromString(referrerId)));
        GeneratedClient provider = new GeneratedClient(service.url, service.token("CASEWORKER", UUID.fromString(providerId)));

        // 1. Record the person.
        Map<String, Object> person = new HashMap<>();
        person.put("role", "PARTICIPANT");
        person.put("archetype", "GROWTH_ORIENTED");
        person.put("birthYear", 1991);
        person.put("gender", "FEMALE");
        person.put("region", "PIERIGA");
        person.put("municipality", "Sigulda");
        person.put("targetGroups", List.of("SINGLE_PARENT", "AFTER_CHILDCARE_LEAVE"));
        person.put("needs", List.of("CAREER_GUIDANCE", "DIGITAL_SKILLS"));
        person.put("goals", List.of("OPEN_LABOUR_MARKET"));
        person.put("languages", List.of("lv", "ru"));
        person.put("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-20"));
        person.put("matchingAllowed", true);
        ApiResponse<?> created = typed("createPerson", referrer.call("createPerson", Map.of("body", person)), 201);
        String personId = referrer.json(created.getData()).path("id").asText();

        // 2. Her recommendations, stored as the matching worker stores them (this module runs no worker).
        var stored = service.storeRecommendations(personId, referrer.mapper.writeValueAsString(Map.of(
                "profileVersion", 0, "engineVersion", "engine-clients-it",
                "evaluationDay", LocalDate.now(ZoneOffset.UTC).toString(),
                "computedAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "recommendations", List.of(Map.of("rank", 1, "measureId", measure.path("id").asText(),
                        "measureCode", "LRC-PIE-CAREER", "score", 0.86, "reasons", List.of(Map.of("code", "NEED_MATCH",
                                "params", Map.of("need", "CAREER_GUIDANCE"), "text", "Covers the need CAREER_GUIDANCE.")))))));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode recommendations = referrer.json(typed("getRecommendations",
                referrer.call("getRecommendations", Map.of("id", personId)), 200).getData());
        assertThat(recommendations.path("recommendations").get(0).path("measureCode").asText()).isEqualTo("LRC-PIE-CAREER");

        // 3. Accept the recommendation: that refers her to the provider.
        JsonNode decision = referrer.json(typed("decideOnRecommendation", referrer.call("decideOnRecommendation",
                Map.of("id", personId, "body", Map.of("measureId", measure.path("id").asText(), "decision", "ACCEPT",
                        "note", "She can attend on weekday mornings while her daughter is at kindergarten."))), 201).getData());
        String enrolmentId = decision.path("enrolmentId").asText();
        assertThat(decision.path("enrolment").path("status").asText()).isEqualTo("REFERRED");

        // 4. Her consent to share her age and region with the provider, for this referral.
        typed("recordConsent", referrer.call("recordConsent", Map.of("id", personId, "body", Map.of(
                "recipientOrganisationId", providerId, "enrolmentId", enrolmentId, "categories", List.of("AGE", "REGION"),
                "givenOn", LocalDate.now(ZoneId.of("Europe/Riga")).toString()))), 201);

        // 5. The provider: its inbox, the referral with exactly what she agreed to share, then its answer.
        JsonNode inbox = provider.json(typed("listReceivedReferrals",
                provider.call("listReceivedReferrals", Map.of("status", "REFERRED", "size", 100)), 200).getData());
        assertThat(inbox.path("items").findValuesAsText("id")).contains(enrolmentId);
        JsonNode referral = provider.json(typed("getReferral", provider.call("getReferral", Map.of("id", enrolmentId)), 200).getData());
        assertThat(referral.path("shared").path("birthYear").asInt()).isEqualTo(1991);
        assertThat(referral.path("shared").path("municipality").asText()).isEqualTo("Sigulda");
        assertThat(referral.path("shared").has("targetGroups") && !referral.path("shared").path("targetGroups").isEmpty())
                .as("target groups were not consented").isFalse();
        for (String status : List.of("ACCEPTED", "ENROLLED", "COMPLETED")) {
            ApiResponse<?> read = typed("getEnrolment", provider.call("getEnrolment", Map.of("id", enrolmentId)), 200);
            String etag = read.getHeaders().get("ETag").get(0);
            JsonNode moved = provider.json(typed("changeEnrolmentStatus", provider.call("changeEnrolmentStatus",
                    Map.of("id", enrolmentId, "ifMatch", etag, "body", Map.of("status", status))), 200).getData());
            assertThat(moved.path("status").asText()).isEqualTo(status);
        }

        // 6. The referrer records the outcome of a period that has ended, and exports everything held about her.
        typed("recordOutcome", referrer.call("recordOutcome", Map.of("body", Map.of("personId", personId,
                "programmeId", programmeId, "periodStart", "2026-09-01", "periodEnd", "2026-11-30",
                "status", "EMPLOYED", "outcomeDate", "2026-11-30"))), 201);
        JsonNode export = referrer.json(typed("exportPerson", referrer.call("exportPerson", Map.of("id", personId)), 200).getData());
        assertThat(export.path("referrals")).hasSize(1);
        assertThat(export.path("outcomes")).hasSize(1);
        assertThat(export.path("consents")).hasSize(1);

        service.prism.awaitLogged(before + 18);
        assertThat(service.prism.forwarded() - before).as("calls of the journey that went through Prism").isGreaterThanOrEqualTo(18);
        assertThat(service.prism.violations()).as("requests and responses the committed document does not describe").isEmpty();
    }

    private static ApiResponse<?> typed(String operationId, ApiResponse<?> response, int status) {
        assertThat(response.getStatusCode()).as(operationId).isEqualTo(status);
        if (response.getData() != null) {
            GeneratedJavaClientIT.assertTyped(operationId, response.getData());
        }
        return response;
    }

    private static String id(ApiResponse<?> created) {
        assertThat(created.getStatusCode()).isEqualTo(201);
        return admin.json(created.getData()).path("id").asText();
    }

    /** The first item of a list operation's page. */
    private static JsonNode first(GeneratedClient client, String operationId, Map<String, ?> filters) throws Exception {
        JsonNode items = client.json(typed(operationId, client.call(operationId, filters), 200).getData()).path("items");
        assertThat(items).as("%s %s", operationId, filters).isNotEmpty();
        return items.get(0);
    }
}
