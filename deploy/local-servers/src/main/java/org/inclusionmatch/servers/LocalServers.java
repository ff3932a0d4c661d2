package org.inclusionmatch.servers;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one server in the foreground until the process is told to stop (SIGTERM), for deploy/local:
 * <pre>
 *   LocalServers postgres DATA_DIR PORT DATABASE
 *   LocalServers kafka DATA_DIR PORT
 *   LocalServers keycloak DATA_DIR PORT WEB_ORIGIN     (the realm of deploy/keycloak, secrets from the environment)
 * </pre>
 * Data survives a restart. Prints one line starting with READY once the server takes connections.
 */
public final class LocalServers {

    private LocalServers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalServers postgres DATA_DIR PORT DATABASE | kafka DATA_DIR PORT | keycloak DATA_DIR PORT WEB_ORIGIN");
            System.exit(2);
        }
        Path data = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        AutoCloseable server;
        switch (args[0]) {
            case "postgres" -> {
                LocalPostgres pg = LocalPostgres.start(data.resolve("data"), data.resolve("binaries"), port, true);
                String url = pg.createDatabase(args.length > 3 ? args[3] : "inclusion");
                server = pg;
                System.out.println("READY postgres " + url);
            }
            case "kafka" -> {
                LocalKafka kafka = LocalKafka.start(data, port, 3);
                server = kafka;
                System.out.println("READY kafka " + kafka.bootstrapServers());
            }
            case "keycloak" -> {
                // The development secrets unless the environment names others (INCLUSION_*_CLIENT_SECRET).
                var env = LocalKeycloak.developmentSecrets(args.length > 3 ? args[3] : "http://127.0.0.1:8080");
                env.putAll(System.getenv());
                LocalKeycloak keycloak = LocalKeycloak.start(data.resolve("h2"), port, LocalKeycloak.realmDirectory(),
                        env, data.resolve("keycloak.log"));
                server = keycloak;
                System.out.println("READY keycloak " + keycloak.realmUrl() + " (pid " + keycloak.pid() + ", log "
                        + data.resolve("keycloak.log") + ")");
            }
            default -> {
                System.err.println("unknown server: " + args[0]);
                System.exit(2);
                return;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("while stopping " + args[0] + ": " + e);
            } finally {
                stopped.countDown();
            }
        }, "stop-" + args[0]));
        stopped.await();
    }
}
