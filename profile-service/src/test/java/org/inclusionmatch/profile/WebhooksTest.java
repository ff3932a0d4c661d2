package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.inclusionmatch.contracts.webhooks.WebhookEventType;
import org.inclusionmatch.servers.FreePort;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import org.hamcrest.Matchers;

import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 25: signed webhooks. Real PostgreSQL and Kafka, a real HTTP receiver on loopback, and the signatures checked by
 * the Standard Webhooks reference library (npm standardwebhooks) in node, never by the service's own code.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class WebhooksTest {

    private static final List<String> ALL_TYPES = Arrays.stream(WebhookEventType.values()).map(Enum::name).toList();
    private static final Set<String> EVENT_FIELDS = Set.of("id", "type", "time", "organisationId", "subject",
            "subjectVersion", "status", "reason");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** An endpoint as its organisation registered it: id and the secret shown once. */
    record Endpoint(String id, String secret) {
    }

    /** The receivers close after each test: their endpoints go, so the dispatcher does not retry them for the suite's rest. */
    @AfterEach
    void deleteEndpoints() throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement delete = db.prepareStatement("delete from webhook_endpoint")) {
            delete.executeUpdate();
        }
    }

    private static RequestSpecification admin(String org) {
        return Api.as(List.of("ADMIN"), org);
    }

    private static RequestSpecification partner(String org) {
        return Api.as(List.of("PARTNER"), org);
    }

    private static Endpoint register(RequestSpecification as, String url, List<String> types) {
        var created = as.body(Map.of("url", url, "eventTypes", types, "description", "test receiver"))
                .post("/api/v1/webhook-endpoints").then().statusCode(201).extract();
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        return new Endpoint(created.path("id"), secret);
    }

    private static JsonNode body(WebhookReceiver.Received received) {
        try {
            return JSON.readTree(received.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The type and subject of each delivery a path accepted. */
    private static List<String> typesAndSubjects(WebhookReceiver receiver, String path) {
        return receiver.accepted().stream().filter(r -> r.path().equals(path))
                .map(r -> body(r).get("type").asText() + " " + body(r).get("subject").asText()).sorted().toList();
    }

    @Test
    void aReferralBetweenTwoOrganisationsIsSignedToEachSideAndNothingCrosses() throws Exception {
        long started = System.nanoTime();
        try (ValidatingProxy prism = Api.throughPrism(); WebhookReceiver receiver = new WebhookReceiver()) {
            String referrer = Api.createOrganisation();
            String provider = Api.createOrganisation();
            String third = Api.createOrganisation();
            Map<String, Endpoint> endpoints = new LinkedHashMap<>();
            endpoints.put("/referrer", register(partner(referrer), receiver.url("/referrer"), ALL_TYPES));
            endpoints.put("/provider", register(admin(provider), receiver.url("/provider"), ALL_TYPES));
            endpoints.put("/third", register(admin(third), receiver.url("/third"), ALL_TYPES));

            // The receivers are down while everything happens: every delivery must still arrive, once each, later.
            receiver.mode(WebhookReceiver.Mode.DOWN);
            String measure = Api.json().body(Api.measure(Api.unique("WH"), provider)).post("/api/v1/measures")
                    .then().statusCode(201).extract().path("id");
            String person = Api.caseworker(referrer).body(Api.person(referrer)).post("/api/v1/persons")
                    .then().statusCode(201).extract().path("id");
            String referral = Api.refer(referrer, person, measure).then().statusCode(201).extract().path("id");
            Api.caseworker(provider).body(Map.of("status", "ACCEPTED")).post("/api/v1/enrolments/" + referral + "/status")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().stream()
                    .filter(r -> r.answered() == 503).map(WebhookReceiver.Received::id).distinct().count() >= 4);
            receiver.mode(WebhookReceiver.Mode.OK);

            List<String> toReferrer = List.of("PERSON_CREATED " + person, "REFERRAL_ACCEPTED " + referral);
            List<String> toProvider = List.of("MEASURE_CREATED " + measure, "REFERRAL_RECEIVED " + referral);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(typesAndSubjects(receiver, "/referrer")).containsExactlyInAnyOrderElementsOf(toReferrer);
                assertThat(typesAndSubjects(receiver, "/provider")).containsExactlyInAnyOrderElementsOf(toProvider);
            });
            Thread.sleep(1500); // time for a repeat or a stray delivery to show
            assertThat(typesAndSubjects(receiver, "/referrer")).containsExactlyInAnyOrderElementsOf(toReferrer);
            assertThat(typesAndSubjects(receiver, "/provider")).containsExactlyInAnyOrderElementsOf(toProvider);
            assertThat(receiver.received()).as("the third organisation hears nothing of the others")
                    .noneMatch(r -> r.path().equals("/third"));
            Map<String, Long> acceptedById = receiver.accepted().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(acceptedById.values()).as("each delivery accepted once by its webhook-id").containsOnly(1L);
            for (WebhookReceiver.Received r : receiver.accepted()) {
                JsonNode event = body(r);
                List<String> fields = new ArrayList<>();
                event.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).as("ids, type, time, version; no profile field").containsExactlyInAnyOrderElementsOf(EVENT_FIELDS);
                assertThat(event.get("id").asText()).isEqualTo(r.id());
                assertThat(event.get("organisationId").asText()).isEqualTo(r.path().equals("/referrer") ? referrer : provider);
            }
            assertThat(receiver.accepted().stream().filter(r -> body(r).get("type").asText().equals("REFERRAL_ACCEPTED"))
                    .map(r -> body(r).get("status").asText())).containsExactly("ACCEPTED");

            // Every delivery, each 503 answer's too, checked by the reference verifier.
            verify(receiver.received(), r -> endpoints.get(r.path()).secret());

            // The delivery log: the 503 attempts with a bounded excerpt of the answer, then the 2xx.
            List<Map<String, Object>> log = partner(referrer).get("/api/v1/webhook-endpoints/" + endpoints.get("/referrer").id()
                    + "/attempts?size=100").then().statusCode(200).extract().path("items");
            assertThat(log).anyMatch(a -> Integer.valueOf(503).equals(a.get("statusCode"))
                    && a.get("responseExcerpt").toString().startsWith("down for maintenance")
                    && a.get("responseExcerpt").toString().length() <= 256);
            assertThat(log).anyMatch(a -> Integer.valueOf(204).equals(a.get("statusCode")));
            partner(referrer).get("/api/v1/webhook-endpoints/" + endpoints.get("/referrer").id() + "/deliveries")
                    .then().statusCode(200).body("total", equalTo(2)).body("items.status", Matchers.everyItem(equalTo("DELIVERED")));
            // another organisation's endpoint is not there for it
            admin(provider).get("/api/v1/webhook-endpoints/" + endpoints.get("/referrer").id()).then().statusCode(404);
            admin(provider).get("/api/v1/webhook-endpoints/" + endpoints.get("/referrer").id() + "/attempts").then().statusCode(404);

            prism.awaitLogged(10);
            assertThat(prism.violations()).isEmpty();
        }
        System.out.printf("WEBHOOKS: referral journey through Prism in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Runs the reference verifier on the deliveries: each verifies as received, and neither a changed body nor the same
     * body under a ten-minute-old timestamp (a replay) does. Answers webhook-id -> verified.
     */
    private static Map<String, Boolean> verify(List<WebhookReceiver.Received> deliveries,
                                               Function<WebhookReceiver.Received, String> secretOf) throws Exception {
        List<Map<String, String>> cases = new ArrayList<>();
        for (WebhookReceiver.Received r : deliveries) {
            cases.add(Map.of("secret", secretOf.apply(r), "id", r.id(), "timestamp", r.timestamp(),
                    "signature", r.signature(), "body", r.body()));
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path file = Files.createTempFile(Path.of("target"), "webhook-cases", ".json");
        Files.writeString(file, JSON.writeValueAsString(cases));
        Process node = new ProcessBuilder("bash", root.resolve("tools/node/run.sh").toString(), "node",
                Path.of("src/test/resources/webhooks/verify.cjs").toAbsolutePath().toString(),
                root.resolve("tools/node").toString(), file.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(out).isZero();
        Map<String, Boolean> verified = new HashMap<>();
        for (JsonNode result : JSON.readTree(out)) {
            assertThat(result.get("verifies").asBoolean()).as("verifies: %s", result).isTrue();
            assertThat(result.get("changedBodyVerifies").asBoolean()).as("a changed body: %s", result).isFalse();
            assertThat(result.get("oldTimestampVerifies").asBoolean()).as("an old timestamp: %s", result).isFalse();
            assertThat(result.get("sameSignature").asBoolean()).as("the library's own signature: %s", result).isTrue();
            verified.put(result.get("id").asText() + "#" + verified.size(), true);
        }
        assertThat(verified).hasSize(deliveries.size());
        return verified;
    }

    @Test
    void aHangingEndpointHoldsOnlyItsOwnDeliveriesNotOthersNorTheApi() throws Exception {
        try (HangingReceiver hanging = new HangingReceiver(); WebhookReceiver healthy = new WebhookReceiver()) {
            String slowOrg = Api.createOrganisation();
            String otherOrg = Api.createOrganisation();
            register(admin(slowOrg), hanging.url("/hook"), List.of("PERSON_CREATED", "PERSON_UPDATED"));
            register(admin(otherOrg), healthy.url("/hook"), List.of("PERSON_CREATED"));
            String reader = Api.createOrganisation();
            String readPerson = Api.caseworker(reader).body(Api.person(reader)).post("/api/v1/persons").then().statusCode(201)
                    .extract().path("id");

            readLatencies(reader, readPerson, 50); // warm-up: the first reads of a fresh JVM are slow
            long[] before = readLatencies(reader, readPerson, 150);
            for (int i = 0; i < 40; i++) {
                Api.caseworker(slowOrg).body(Api.person(slowOrg)).post("/api/v1/persons").then().statusCode(201);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> hanging.requests() >= 16);
            long[] during = readLatencies(reader, readPerson, 150);

            long sent = System.nanoTime();
            String person = Api.caseworker(otherOrg).body(Api.person(otherOrg)).post("/api/v1/persons").then().statusCode(201)
                    .extract().path("id");
            await().atMost(Duration.ofSeconds(3)).until(() -> healthy.accepted().stream().anyMatch(r -> r.body().contains(person)));
            long otherMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            System.out.printf("WEBHOOKS: with an endpoint hanging (%d requests, at most %d held open at once): another organisation's "
                            + "delivery in %d ms; audited read at 50/s p50/p99 %.1f/%.1f ms before, %.1f/%.1f ms while hanging%n",
                    hanging.requests(), hanging.mostOpen(), otherMillis, before[0] / 1e3, before[1] / 1e3, during[0] / 1e3, during[1] / 1e3);
            assertThat(otherMillis).isLessThan(2000);
            assertThat(hanging.mostOpen()).as("requests held open at once: bounded per endpoint").isLessThanOrEqualTo(16);
            assertThat(during[1]).as("p99 while hanging within noise of before (µs)").isLessThan(Math.max(3 * before[1], before[1] + 50_000));
        }
    }

    /** p50 and p99, in microseconds, of {@code count} audited reads of a person at a fixed rate (50/s), sent on schedule. */
    private static long[] readLatencies(String org, String person, int count) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        String token = Api.token(List.of("CASEWORKER"), org);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        var senders = Executors.newVirtualThreadPerTaskExecutor();
        int port = RestAssured.port;
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/persons/" + person))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
        var done = new java.util.concurrent.CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            clock.schedule(() -> senders.execute(() -> {
                long start = System.nanoTime();
                try {
                    if (client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        micros.add((System.nanoTime() - start) / 1000);
                    }
                } catch (Exception e) {
                    // counted as missing below
                } finally {
                    done.countDown();
                }
            }), i * 20L, TimeUnit.MILLISECONDS);
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        clock.shutdown();
        senders.shutdown();
        assertThat(micros).hasSize(count);
        List<Long> sorted = micros.stream().sorted().toList();
        return new long[]{sorted.get(count / 2), sorted.get((int) Math.ceil(count * 0.99) - 1)};
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        String org = Api.createOrganisation();
        String good = "http://127.0.0.1:" + FreePort.pick() + "/hook";
        List<Map.Entry<String, Map<String, Object>>> bad = List.of(
                Map.entry("url", Map.of("url", "not a url", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "/relative/hook", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "http://10.0.0.7:8443/hook", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "http://169.254.169.254:8443/latest/meta-data", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "http://[fd00:ec2::254]:8443/", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "http://partner.example:80/hook", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("url", Map.of("url", "http://user:pw@partner.example:8443/hook", "eventTypes", List.of("PERSON_CREATED"))),
                Map.entry("eventTypes", Map.of("url", good, "eventTypes", List.of("NO_SUCH_EVENT"))),
                Map.entry("eventTypes", Map.of("url", good, "eventTypes", List.of())));
        for (var entry : bad) {
            admin(org).body(entry.getValue()).post("/api/v1/webhook-endpoints").then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json")
                    .body("detail", Matchers.containsString(entry.getKey()));
        }
        for (int i = 0; i < 3; i++) {
            register(admin(org), good, List.of("PERSON_CREATED"));
        }
        admin(org).body(Map.of("url", good, "eventTypes", List.of("PERSON_CREATED"))).post("/api/v1/webhook-endpoints")
                .then().statusCode(400).body("violations[0].field", equalTo("url"))
                .body("detail", Matchers.containsString("the most it may have"));
        admin(org).get("/api/v1/webhook-endpoints").then().statusCode(200).body("total", equalTo(3))
                .body("items.secret", Matchers.everyItem(Matchers.nullValue()));
        // roles: only the organisation's ADMIN or PARTNER, and only with an organisation
        Api.caseworker(org).get("/api/v1/webhook-endpoints").then().statusCode(403);
        Api.as(List.of("ADMIN"), null).get("/api/v1/webhook-endpoints").then().statusCode(403);
        // every change is in the audit log
        List<Map<String, Object>> audit = Api.as(List.of("AUDITOR"), null).queryParam("subject", "test-admin")
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertThat(audit).filteredOn(e -> "WEBHOOK_ENDPOINT".equals(e.get("resourceType")) && org.equals(e.get("organisationId")))
                .extracting(e -> e.get("operation") + " " + e.get("httpStatus"))
                .contains("CREATE 201", "CREATE 400");
    }

    @Test
    void rotationRedeliveryRedirectsAndDisabling() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); WebhookReceiver redirecting = new WebhookReceiver()) {
            redirecting.mode(WebhookReceiver.Mode.REDIRECT);
            String org = Api.createOrganisation();
            Endpoint main = register(admin(org), receiver.url("/main"), List.of("PERSON_CREATED", "WEBHOOK_ENDPOINT_DISABLED"));
            Endpoint dead = register(admin(org), "http://127.0.0.1:" + FreePort.pick() + "/gone", List.of("PERSON_CREATED"));
            register(admin(org), redirecting.url("/hook"), List.of("PERSON_CREATED"));
            // the dead endpoint has failed for longer than disable-after: its next failure disables it
            try (Connection db = dataSource.getConnection();
                 PreparedStatement old = db.prepareStatement("update webhook_endpoint set failing_since = now() - interval '100 hours' where id = ?")) {
                old.setObject(1, UUID.fromString(dead.id()));
                old.executeUpdate();
            }
            String rotated = admin(org).post("/api/v1/webhook-endpoints/" + main.id() + "/secret").then().statusCode(200)
                    .body("previousSecretExpiresAt", Matchers.notNullValue()).extract().path("secret");
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(main.secret());

            String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().stream().anyMatch(r -> r.body().contains(person))
                    && receiver.accepted().stream().anyMatch(r -> r.body().contains("WEBHOOK_ENDPOINT_DISABLED")));
            WebhookReceiver.Received created = receiver.accepted().stream().filter(r -> r.body().contains(person)).findFirst().orElseThrow();
            assertThat(created.signature().split(" ")).as("both secrets sign during the overlap").hasSize(2);
            verify(List.of(created), r -> rotated);
            verify(List.of(created), r -> main.secret());
            JsonNode disabled = body(receiver.accepted().stream().filter(r -> r.body().contains("WEBHOOK_ENDPOINT_DISABLED")).findFirst().orElseThrow());
            assertThat(disabled.get("subject").asText()).isEqualTo(dead.id());
            admin(org).get("/api/v1/webhook-endpoints/" + dead.id()).then().statusCode(200).body("status", equalTo("DISABLED"));

            // a redirect is an answer that failed, never followed
            await().atMost(Duration.ofSeconds(5)).until(() -> !redirecting.received().isEmpty());
            assertThat(redirecting.received()).noneMatch(r -> r.path().equals("/elsewhere"));

            // redelivery: the same webhook-id again
            String delivery = admin(org).get("/api/v1/webhook-endpoints/" + main.id() + "/deliveries").then().statusCode(200)
                    .extract().path("items.find { it.eventType == 'PERSON_CREATED' }.id");
            admin(org).post("/api/v1/webhook-endpoints/" + main.id() + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                    .body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().stream().filter(r -> r.id().equals(created.id())).count() == 2);

            // pause keeps deliveries, resume sends them
            String etag = admin(org).get("/api/v1/webhook-endpoints/" + main.id()).then().extract().header("ETag");
            admin(org).header("If-Match", etag).body(Map.of("url", receiver.url("/main"), "eventTypes", List.of("PERSON_CREATED"),
                    "status", "PAUSED")).put("/api/v1/webhook-endpoints/" + main.id()).then().statusCode(200).body("status", equalTo("PAUSED"));
            String second = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
            Thread.sleep(800);
            assertThat(receiver.received()).noneMatch(r -> r.body().contains(second));
            etag = admin(org).get("/api/v1/webhook-endpoints/" + main.id()).then().extract().header("ETag");
            admin(org).header("If-Match", etag).body(Map.of("url", receiver.url("/main"), "eventTypes", List.of("PERSON_CREATED"),
                    "status", "ACTIVE")).put("/api/v1/webhook-endpoints/" + main.id()).then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().stream().anyMatch(r -> r.body().contains(second)));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(RestAssured.get("/q/metrics").asString())
                    .contains("inclusion_webhook_deliveries_total{result=\"delivered\"}")
                    .contains("inclusion_webhook_deliveries_total{result=\"retry\"}")
                    .containsPattern("inclusion_webhook_endpoints_disabled [1-9]"));
            // delete: the endpoint and its log go
            etag = admin(org).get("/api/v1/webhook-endpoints/" + dead.id()).then().extract().header("ETag");
            admin(org).delete("/api/v1/webhook-endpoints/" + dead.id()).then().statusCode(428);
            admin(org).header("If-Match", etag).delete("/api/v1/webhook-endpoints/" + dead.id()).then().statusCode(204);
            admin(org).get("/api/v1/webhook-endpoints/" + dead.id()).then().statusCode(404);
        }
    }
}
