package org.inclusionmatch.servers.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.inclusionmatch.servers.LocalPostgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL: one server per test JVM (started on first use, stopped when
 * the JVM exits) and a fresh database for every start, so runs and test profiles never see each other's data.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres server;

    public static synchronized LocalPostgres server() throws Exception {
        if (server == null) {
            Path target = Path.of("target").toAbsolutePath();
            Path data = target.resolve("pg-data-" + UUID.randomUUID());
            server = LocalPostgres.start(data, target.resolve("pg-binaries"), 0, false);
            ServerDirectories.stopThenDeleteOnExit(server, data, "stop-test-postgres");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String url = server().createDatabase(database);
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        // The server outlives one Quarkus application: the next test profile reuses it with a new database.
    }
}
