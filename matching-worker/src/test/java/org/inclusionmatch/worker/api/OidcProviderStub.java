package org.inclusionmatch.worker.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server as both profile-service and the OIDC provider's token endpoint, which hands out access tokens
 * that live 3 s: token-1 first, token-2 on every later request.
 */
public class OidcProviderStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(20));
        server.start();
        stubTokens();
        return Map.of(
                "quarkus.rest-client.profile-api.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/inclusion",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/token");
    }

    static void stubTokens() {
        server.stubFor(post(urlEqualTo("/realms/inclusion/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"token-1\", \"token_type\": \"Bearer\", \"expires_in\": 3}"))
                .willSetStateTo("renewed"));
        server.stubFor(post(urlEqualTo("/realms/inclusion/token")).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"access_token\": \"token-2\", \"token_type\": \"Bearer\", \"expires_in\": 3}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
