package org.inclusionmatch.worker.api;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What {@link ProfileServiceClient} promises, against a WireMock profile-service, with no Kafka, PostgreSQL or
 * packaged service: 404 is empty (or {@code false} when storing), 409 {@code false}; another 4xx aborts at once,
 * without a retry and without counting against the circuit breaker; 5xx, timeouts and "not now" 4xx
 * (401/403/408/425/429) are retried until an answer comes; a failing API opens the breaker, which then keeps the
 * retries from reaching it. The profile shortens the delays (timeout 3 s, enough for a cold first call on a busy machine; retry 20-100 ms, breaker after 4 calls,
 * open for 2 s); the production values are checked on the annotations. Each breaker counts one method's calls,
 * so each behaviour that fails calls uses a method of its own.
 */
@QuarkusTest
@Timeout(60) // a retry that should not happen goes on for ever
@TestProfile(ProfileServiceClientTest.StubbedApi.class)
@WithTestResource(ProfileApiStub.class)
class ProfileServiceClientTest {

    private static final String CLIENT = ProfileServiceClient.class.getName();

    /** The API is WireMock; Kafka is never reached (no topics created, consumers fed by nothing). */
    public static class StubbedApi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("inclusion.test.run-id", "client-test"),
                    Map.entry("inclusion.kafka.create-topics", "false"),
                    Map.entry("kafka.bootstrap.servers", "127.0.0.1:9"),
                    Map.entry("inclusion.auth.token", "stub-token"),
                    Map.entry(CLIENT + "/Timeout/value", "3"),
                    Map.entry(CLIENT + "/Retry/delay", "20"),
                    Map.entry(CLIENT + "/Retry/jitter", "0"),
                    Map.entry(CLIENT + "/ExponentialBackoff/maxDelay", "100"),
                    Map.entry(CLIENT + "/CircuitBreaker/requestVolumeThreshold", "4"),
                    Map.entry(CLIENT + "/CircuitBreaker/delay", "2"));
        }
    }

    private static final UUID PERSON = UUID.fromString("6f1c1d52-4a5e-4a0e-9b55-6c8f6f0f0a01");
    private static final String VIEW = "/api/v1/matching/persons/" + PERSON;
    private static final String RECOMMENDATIONS = "/api/v1/persons/" + PERSON + "/recommendations";
    private static final String AFFECTED = "/api/v1/matching/persons";
    private static final String PROGRAMMES = "/api/v1/programmes";
    private static final String VIEW_JSON = """
            {"person": {"id": "%s", "role": "JOBSEEKER", "needs": ["DIGITAL"], "version": 3}, "excludedMeasureIds": []}"""
            .formatted(PERSON);

    @Inject
    ProfileServiceClient client;

    @BeforeEach
    void reset() {
        ProfileApiStub.server.resetAll();
    }

    @Test
    void aMissingPersonIsEmptyAfterOneRequestWithTheServiceToken() {
        stub(get(urlEqualTo(VIEW)), aResponse().withStatus(404));
        assertThat(client.matchingView(PERSON)).isEmpty();
        ProfileApiStub.server.verify(1, getRequestedFor(urlEqualTo(VIEW))
                .withHeader("Authorization", equalTo("Bearer stub-token")));
    }

    @Test
    void aTimeoutIsRetriedUntilTheAnswerComes() {
        sequence(() -> get(urlEqualTo(VIEW)), aResponse().withFixedDelay(4_500).withBody(VIEW_JSON)
                .withHeader("Content-Type", "application/json"), okJson(VIEW_JSON));
        assertThat(client.matchingView(PERSON)).hasValueSatisfying(view -> {
            assertThat(view.person().id()).isEqualTo(PERSON);
            assertThat(view.person().version()).isEqualTo(3);
        });
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedUntilTheAnswerComes() {
        String scenario = "outage";
        ProfileApiStub.server.stubFor(get(urlPathEqualTo(AFFECTED)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        ProfileApiStub.server.stubFor(get(urlPathEqualTo(AFFECTED)).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        ProfileApiStub.server.stubFor(get(urlPathEqualTo(AFFECTED)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("{\"items\": [], \"next\": null}")));
        assertThat(client.affectedPersons(UUID.randomUUID(), null, null, 100).items()).isEmpty();
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void aStaleOrVanishedResultIsFalseAfterOneRequest() {
        stub(put(urlEqualTo(RECOMMENDATIONS)), aResponse().withStatus(409));
        assertThat(client.putRecommendations(PERSON, recommendations())).isFalse();
        stub(put(urlEqualTo(RECOMMENDATIONS)), aResponse().withStatus(404));
        assertThat(client.putRecommendations(PERSON, recommendations())).isFalse();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void anotherClientErrorAbortsAtOnceWithoutRetryOrBreaker() {
        stub(put(urlEqualTo(RECOMMENDATIONS)), aResponse().withStatus(400));
        // More refusals than the breaker's volume threshold: were they failures, the breaker would open.
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> client.putRecommendations(PERSON, recommendations()))
                    .isInstanceOf(ProfileServiceClient.ClientError.class).hasMessageContaining("400");
        }
        assertThat(requests()).isEqualTo(6);
        stub(put(urlEqualTo(RECOMMENDATIONS)), aResponse().withStatus(204));
        long start = System.nanoTime();
        assertThat(client.putRecommendations(PERSON, recommendations())).isTrue();
        // An open breaker (2 s here) would hold this call back until it half-opens.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
        assertThat(requests()).isEqualTo(7);
    }

    @Test
    void notNowAnswersAreRetriedNotDropped() {
        sequence(() -> put(urlEqualTo(RECOMMENDATIONS)), aResponse().withStatus(401), aResponse().withStatus(204));
        assertThat(client.putRecommendations(PERSON, recommendations())).isTrue();
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void aFailingApiOpensTheBreakerWhichHoldsTheRetriesBackUntilItRecovers() {
        stub(get(urlPathEqualTo(PROGRAMMES)), aResponse().withStatus(503));
        CompletableFuture<ProfileServiceClient.CatalogueSnapshot> catalogue = CompletableFuture.supplyAsync(client::catalogue);
        await().atMost(Duration.ofSeconds(10)).until(() -> requests() >= 4);
        // Open: the retries go on (the call has not returned) but none reaches the API while the breaker is open.
        int whenOpened = requests();
        assertThat(whenOpened).isEqualTo(4);
        await().during(Duration.ofMillis(1_200)).atMost(Duration.ofMillis(1_500)).until(() -> requests() == whenOpened);
        assertThat(catalogue).isNotDone();

        stub(get(urlPathEqualTo(PROGRAMMES)), okJson("{\"items\": [], \"page\": 0, \"size\": 100, \"total\": 0}"));
        stub(get(urlPathEqualTo("/api/v1/measures")), okJson("{\"items\": [], \"page\": 0, \"size\": 100, \"total\": 0}"));
        ProfileServiceClient.CatalogueSnapshot snapshot = catalogue.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(snapshot.programmes()).isEmpty();
        assertThat(snapshot.measures()).isEmpty();
    }

    @Test
    void inProductionAnOutageOfAnyLengthIsWaitedOut() {
        Retry retry = ProfileServiceClient.class.getAnnotation(Retry.class);
        assertThat(retry.maxRetries()).isEqualTo(-1);
        assertThat(retry.maxDuration()).isZero();
        assertThat(retry.abortOn()).containsExactly(ProfileServiceClient.ClientError.class);
        CircuitBreaker breaker = ProfileServiceClient.class.getAnnotation(CircuitBreaker.class);
        assertThat(breaker.skipOn()).containsExactly(ProfileServiceClient.ClientError.class);
    }

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        ProfileApiStub.server.stubFor(request.willReturn(response));
    }

    /** The first request gets {@code first}, every later one {@code then}. */
    private static void sequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        String scenario = UUID.randomUUID().toString();
        ProfileApiStub.server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("answered"));
        ProfileApiStub.server.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("answered").willReturn(then));
    }

    private static int requests() {
        return ProfileApiStub.server.findAll(anyRequestedFor(anyUrl())).size();
    }

    private static ApiModels.Recommendations recommendations() {
        return new ApiModels.Recommendations(3, "test", LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T10:00:00Z"), List.of());
    }

    @Inject
    Tracer tracer;

    /** The shared span processor (telemetry module) is part of the worker's tracer: a span's query values are gone. */
    @Test
    void theWorkersTracerRedactsQueryValues() {
        var span = tracer.spanBuilder("GET").setAttribute("url.full", "http://api/api/v1/persons?after=x").startSpan();
        try {
            assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("url.full")))
                    .isEqualTo("http://api/api/v1/persons?after=?");
        } finally {
            span.end();
        }
    }
}
