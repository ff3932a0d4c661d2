package org.inclusionmatch.worker.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production identity (deploy/k8s): the worker's MATCHER token comes from the OIDC provider by client credentials
 * and is renewed before it expires; no static token is configured. Against WireMock as provider and API.
 */
@QuarkusTest
@Timeout(60)
@TestProfile(OidcServiceTokenTest.ClientCredentials.class)
@WithTestResource(OidcProviderStub.class)
class OidcServiceTokenTest {

    public static class ClientCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("inclusion.test.run-id", "oidc-test"),
                    Map.entry("inclusion.kafka.create-topics", "false"),
                    Map.entry("kafka.bootstrap.servers", "127.0.0.1:9"),
                    Map.entry("inclusion.auth.mode", "oidc-client"),
                    Map.entry("inclusion.auth.token", ""),
                    Map.entry("quarkus.oidc-client.client-enabled", "true"),
                    Map.entry("quarkus.oidc-client.client-id", "matching-worker"),
                    Map.entry("quarkus.oidc-client.credentials.secret", "worker-secret"));
        }
    }

    private static final UUID PERSON = UUID.fromString("6f1c1d52-4a5e-4a0e-9b55-6c8f6f0f0a02");
    private static final String VIEW = "/api/v1/matching/persons/" + PERSON;

    @Inject
    ProfileServiceClient client;

    @Test
    void theTokenComesByClientCredentialsAndIsRenewedBeforeItExpires() {
        OidcProviderStub.server.stubFor(get(urlEqualTo(VIEW)).willReturn(aResponse().withStatus(404)));

        assertThat(client.matchingView(PERSON)).isEmpty();
        OidcProviderStub.server.verify(getRequestedFor(urlEqualTo(VIEW)).withHeader("Authorization",
                matching("Bearer token-[12]")));
        OidcProviderStub.server.verify(postRequestedFor(urlEqualTo("/realms/inclusion/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withHeader("Authorization", equalTo("Basic bWF0Y2hpbmctd29ya2VyOndvcmtlci1zZWNyZXQ="))); // matching-worker:worker-secret

        // The token lives 3 s: within that the worker has fetched a new one, unasked, and uses it.
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            OidcProviderStub.server.resetRequests();
            assertThat(client.matchingView(PERSON)).isEmpty();
            OidcProviderStub.server.verify(getRequestedFor(urlEqualTo(VIEW)).withHeader("Authorization", equalTo("Bearer token-2")));
        });
    }
}
