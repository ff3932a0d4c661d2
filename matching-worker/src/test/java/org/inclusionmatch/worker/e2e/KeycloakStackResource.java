package org.inclusionmatch.worker.e2e;

import org.inclusionmatch.servers.LocalKeycloak;
import org.inclusionmatch.servers.testing.KeycloakTestResource;
import org.inclusionmatch.servers.testing.ProfileServiceProcess;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole loop signed in through a real Keycloak with the project's realm (deploy/keycloak): profile-service trusts
 * the realm's keys (its JWKS, refreshed) and issuer, and the worker under test gets its MATCHER token from Keycloak by
 * client credentials. Keycloak starts while PostgreSQL and Kafka do.
 */
public class KeycloakStackResource extends ProfileServiceTestResource {

    @Override
    protected void beforeServers() {
        KeycloakTestResource.startInBackground();
    }

    @Override
    protected ProfileServiceProcess startService(String database, String kafka, String runId, Path log) throws Exception {
        // Started while Keycloak still starts: the service is ready once it can read the realm's keys.
        String realm = KeycloakTestResource.realmUrl();
        try {
            return ProfileServiceProcess.start(SERVICE_JAR, KeycloakTestResource.webPort(), database, kafka, Map.of(
                    "mp.jwt.verify.publickey.location", realm + "/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer", realm,
                    "mp.jwt.verify.audiences", "inclusion-match",
                    // the leeway for clocks apart, 60 s by default: shortened so that an expired token is refused within seconds
                    "mp.jwt.verify.clock.skew", "1",
                    // no verified-token cache: a token of a retired key is refused at once, the worker's too
                    "inclusion.jwt.verified-cache-ttl", "0s",
                    "inclusion.openapi.oidc-url", realm + "/.well-known/openid-configuration"),
                    runId, Map.of("quarkus.log.console.json.enabled", "true"), log);
        } catch (IllegalStateException notReady) {
            KeycloakTestResource.server(); // Keycloak's own failure, if that is why
            throw notReady;
        }
    }

    @Override
    protected Map<String, String> workerIdentity() {
        LocalKeycloak keycloak = KeycloakTestResource.server();
        return Map.of(
                "inclusion.auth.mode", "oidc-client",
                "inclusion.auth.token", "",
                "quarkus.oidc-client.client-enabled", "true",
                "quarkus.oidc-client.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc-client.client-id", "matching-worker",
                "quarkus.oidc-client.credentials.secret", KeycloakTestResource.secrets().get("INCLUSION_WORKER_CLIENT_SECRET"),
                "inclusion.test.keycloak-url", keycloak.url());
    }
}
