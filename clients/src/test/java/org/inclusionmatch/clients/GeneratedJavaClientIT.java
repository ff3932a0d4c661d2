package org.inclusionmatch.clients;

import com.fasterxml.jackson.databind.JsonNode;
import org.inclusionmatch.client.ApiException;
import org.inclusionmatch.client.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client generated from the committed document (openapi-generator 7.25.0, library native), untouched,
 * against the running profile-service: list measures, create a person, read its recommendations, and get typed
 * problems back from a 409 and a 412. Every result must be a generated model, not a map: a document that leaves a
 * response untyped fails here. The calls go through Prism ({@link RunningService}), which fails the class on any
 * request or response the committed document does not describe.
 */
class GeneratedJavaClientIT {

    static RunningService service;
    static GeneratedClient admin;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.get();
        admin = new GeneratedClient(service.url, service.token("ADMIN", null));
        Fixture.importDemoCatalogue(admin);
    }

    /** Every call above went through Prism with the committed document: none may break it, errors included. */
    @AfterAll
    static void nothingTheDocumentDoesNotDescribe() throws Exception {
        if (service != null) { // null when the stack did not start: that error is the one to read
            service.assertNoViolations();
        }
    }

    @Test
    void listsMeasuresAsTypedModels() throws Exception {
        ApiResponse<?> page = admin.call("listMeasures", Map.of("size", 100));

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertTyped("listMeasures", page.getData());
        Method items = page.getData().getClass().getMethod("getItems");
        List<?> measures = (List<?>) items.invoke(page.getData());
        assertThat(measures).as("the demo catalogue's measures").hasSizeGreaterThan(10);
        assertThat(measures.get(0).getClass().getPackageName()).isEqualTo(GeneratedClient.MODEL_PACKAGE);
        assertThat(admin.json(measures.get(0)).path("code").asText()).isNotBlank();
    }

    @Test
    void createsAPersonAndReadsItsRecommendations() throws Exception {
        Fixture.Person person = Fixture.personWithRecommendations(service, admin);

        ApiResponse<?> read = person.caseworker().call("getRecommendations", Map.of("id", person.id()));

        assertThat(read.getStatusCode()).isEqualTo(200);
        assertTyped("getRecommendations", read.getData());
        JsonNode recommendations = person.caseworker().json(read.getData()).path("recommendations");
        assertThat(recommendations).hasSize(1);
        assertThat(recommendations.get(0).path("measureCode").asText()).isEqualTo(person.measureCode());
        assertThat(recommendations.get(0).path("reasons").get(0).path("code").asText()).isEqualTo("NEED_MATCH");
    }

    @Test
    void aTakenCodeIsATypedProblemWith409() throws Exception {
        Map<String, Object> organisation = Fixture.organisationBody();
        admin.call("createOrganisation", Map.of("body", organisation));

        ApiException conflict = catchThrowableOfType(ApiException.class,
                () -> admin.call("createOrganisation", Map.of("body", organisation)));

        assertThat(conflict).as("a second organisation with the same code").isNotNull();
        assertThat(conflict.getCode()).isEqualTo(409);
        Object problem = typedProblem("createOrganisation", conflict);
        JsonNode json = admin.json(problem);
        assertThat(json.path("status").asInt()).isEqualTo(409);
        assertThat(json.path("type").asText()).as("the catalogue's type for a taken code")
                .isEqualTo("https://inclusion-match.org/problems/duplicate-code");
        assertThat(json.path("title").asText()).isNotBlank();
    }

    @Test
    void aStaleIfMatchIsATypedProblemWith412() throws Exception {
        Fixture.Person person = Fixture.person(service, admin);
        Map<String, Object> body = Fixture.personBody();
        body.put("municipality", "Salaspils");
        ApiResponse<?> updated = person.caseworker().call("updatePerson",
                Map.of("id", person.id(), "ifMatch", person.etag(), "body", body));
        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertTyped("updatePerson", updated.getData());

        body.put("municipality", "Ogre");
        ApiException stale = catchThrowableOfType(ApiException.class, () -> person.caseworker().call("updatePerson",
                Map.of("id", person.id(), "ifMatch", person.etag(), "body", body)));

        assertThat(stale).as("an update with the version before the last update").isNotNull();
        assertThat(stale.getCode()).isEqualTo(412);
        JsonNode json = admin.json(typedProblem("updatePerson", stale));
        assertThat(json.path("status").asInt()).isEqualTo(412);
        assertThat(json.path("type").asText()).isEqualTo("https://inclusion-match.org/problems/stale-version");
    }

    /** Reads the error body into the generated model the document names for it, as a partner's code would. */
    private static Object typedProblem(String operationId, ApiException error) throws Exception {
        assertThat(error.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Class<?> model = admin.problemModel(operationId, error.getCode());
        return admin.mapper.readValue(error.getResponseBody(), model);
    }

    static void assertTyped(String operationId, Object data) {
        assertThat(GeneratedClient.typed(operationId))
                .as("the generated client returns %s for %s: the document does not type its response",
                        GeneratedClient.dataType(operationId).getTypeName(), operationId)
                .isTrue();
        assertThat(data.getClass().getPackageName()).as("%s returned a %s", operationId, data.getClass().getName())
                .isEqualTo(GeneratedClient.MODEL_PACKAGE);
    }

    /** What the tests set up through the generated client. */
    static final class Fixture {

        private static boolean catalogueImported;

        record Person(String id, String etag, String organisationId, GeneratedClient caseworker, String measureCode) {
        }

        static synchronized void importDemoCatalogue(GeneratedClient admin) throws Exception {
            if (!catalogueImported) {
                Object catalogue = admin.mapper.readValue(Files.readString(Path.of("../deploy/local/demo/catalogue.json")), Map.class);
                assertThat(admin.call("importCatalogue", Map.of("body", catalogue)).getStatusCode()).isEqualTo(200);
                catalogueImported = true;
            }
        }

        static Map<String, Object> organisationBody() {
            return Map.of("code", "CLIENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "name", "Partner NGO", "kind", "NGO", "region", "RIGA");
        }

        static Map<String, Object> personBody() {
            Map<String, Object> person = new java.util.HashMap<>();
            person.put("role", "PARTICIPANT");
            person.put("archetype", "GROWTH_ORIENTED");
            person.put("birthYear", 1992);
            person.put("gender", "FEMALE");
            person.put("region", "PIERIGA");
            person.put("municipality", "Sigulda");
            person.put("needs", List.of("CAREER_GUIDANCE", "DIGITAL_SKILLS"));
            person.put("goals", List.of("OPEN_LABOUR_MARKET"));
            person.put("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-20"));
            person.put("matchingAllowed", true);
            return person;
        }

        /** A new organisation and a person of it, created by a case worker of the organisation. */
        static Person person(RunningService service, GeneratedClient admin) throws Exception {
            ApiResponse<?> organisation = admin.call("createOrganisation", Map.of("body", organisationBody()));
            assertThat(organisation.getStatusCode()).isEqualTo(201);
            assertTyped("createOrganisation", organisation.getData());
            String organisationId = admin.json(organisation.getData()).path("id").asText();
            GeneratedClient caseworker = new GeneratedClient(service.url, service.token("CASEWORKER", UUID.fromString(organisationId)));
            ApiResponse<?> created = caseworker.call("createPerson", Map.of("body", personBody()));
            assertThat(created.getStatusCode()).isEqualTo(201);
            assertTyped("createPerson", created.getData());
            String etag = created.getHeaders().getOrDefault("ETag", List.of()).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no ETag on the create"));
            return new Person(caseworker.json(created.getData()).path("id").asText(), etag, organisationId, caseworker, null);
        }

        /**
         * A person with one recommendation, stored as the matching worker stores them (PUT, role MATCHER): this
         * module runs the service without the worker.
         */
        static Person personWithRecommendations(RunningService service, GeneratedClient admin) throws Exception {
            Person person = person(service, admin);
            JsonNode measure = admin.json(admin.call("listMeasures", Map.of("code", "LRC-PIE-AGENT")).getData()).path("items").get(0);
            Map<String, Object> recommendation = Map.of("rank", 1, "measureId", measure.path("id").asText(),
                    "measureCode", measure.path("code").asText(), "score", 0.82,
                    "reasons", List.of(Map.of("code", "NEED_MATCH", "params", Map.of("need", "CAREER_GUIDANCE"),
                                    "text", "Covers the need CAREER_GUIDANCE."),
                            Map.of("code", "REGION", "params", Map.of("region", "PIERIGA"),
                                    "text", "Offered in the person's region PIERIGA."),
                            Map.of("code", "SEATS_LEFT", "params", Map.of("seats", "3"), "text", "3 seats left.")));
            Map<String, Object> body = Map.of("profileVersion", 0, "engineVersion", "engine-clients-it",
                    "evaluationDay", LocalDate.now(ZoneOffset.UTC).toString(),
                    "computedAt", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                    "recommendations", new ArrayList<>(List.of(recommendation)));
            java.net.http.HttpResponse<String> stored = service.storeRecommendations(person.id(),
                    admin.mapper.writeValueAsString(body));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            return new Person(person.id(), person.etag(), person.organisationId(), person.caseworker(), measure.path("code").asText());
        }
    }
}
