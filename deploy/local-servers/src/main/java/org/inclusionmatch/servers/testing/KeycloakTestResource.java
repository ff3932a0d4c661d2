package org.inclusionmatch.servers.testing;

import org.inclusionmatch.servers.FreePort;
import org.inclusionmatch.servers.LocalKeycloak;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A real Keycloak with the project's realm for a test JVM: started once, on first use, and stopped when the JVM exits
 * (about 30 s to start on the 2-core machine, plus about 25 s for {@code kc.sh build} the first time after the
 * distribution is unpacked). The realm's public client accepts redirects to {@link #webOrigin()}, on a port picked for
 * the service under test. Start it early with {@link #startInBackground()}: other servers can start meanwhile.
 */
public final class KeycloakTestResource {

    private static final int WEB_PORT = FreePort.pick();
    /** Picked up front, so that the service under test can be pointed at Keycloak while it is still starting. */
    private static final int PORT = FreePort.pick();
    private static CompletableFuture<LocalKeycloak> server;

    private KeycloakTestResource() {
    }

    /** The origin (http://127.0.0.1:PORT) the service under test is to listen on: the realm's web client returns there. */
    public static String webOrigin() {
        return "http://127.0.0.1:" + WEB_PORT;
    }

    public static int webPort() {
        return WEB_PORT;
    }

    /** The realm's issuer URL, known before Keycloak has started. */
    public static String realmUrl() {
        return "http://127.0.0.1:" + PORT + "/realms/" + LocalKeycloak.REALM;
    }

    /** The development secrets the realm's machine clients are started with (INCLUSION_*_CLIENT_SECRET). */
    public static Map<String, String> secrets() {
        return LocalKeycloak.developmentSecrets(webOrigin());
    }

    public static synchronized CompletableFuture<LocalKeycloak> startInBackground() {
        if (server == null) {
            server = CompletableFuture.supplyAsync(() -> {
                String id = "keycloak-" + UUID.randomUUID();
                Path dir = Path.of("target").toAbsolutePath().resolve(id);
                Path log = dir.resolveSibling(id + ".log"); // kept when the data goes, for a failed test's reader
                try {
                    LocalKeycloak keycloak = LocalKeycloak.start(dir, PORT, LocalKeycloak.realmDirectory(), secrets(), log);
                    ServerDirectories.stopThenDeleteOnExit(keycloak, dir, "stop-test-keycloak");
                    return keycloak;
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the test Keycloak (its log: " + log + ")", e);
                }
            });
        }
        return server;
    }

    public static LocalKeycloak server() {
        return startInBackground().join();
    }
}
