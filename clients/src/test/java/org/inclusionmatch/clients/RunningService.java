package org.inclusionmatch.clients;

import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.LocalKafka;
import org.inclusionmatch.servers.LocalPostgres;
import org.inclusionmatch.servers.testing.ProfileServiceProcess;
import org.inclusionmatch.servers.testing.ServerDirectories;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged profile-service, started once for this module's tests as a partner meets it: a process of its own
 * (the launcher matching-worker's end-to-end tests use, {@link ProfileServiceProcess}) over real PostgreSQL and
 * Kafka from local-servers, trusting a development issuer of this JVM, with the browser page's origin on its CORS
 * allow-list.
 */
final class RunningService {

    static final Path SERVICE_JAR = Path.of("../profile-service/target/quarkus-app/quarkus-run.jar");

    private static RunningService instance;

    final DevIssuer issuer = DevIssuer.generate();
    final String url;
    /** The origin the browser test serves its page from; on the service's allow-list (quarkus.http.cors.origins). */
    final String pageOrigin;
    final int pagePort;

    private RunningService() throws Exception {
        if (Files.exists(SERVICE_JAR)) {
            ProfileServiceProcess.requireNotOlderThan(SERVICE_JAR,
                    List.of(Path.of("../profile-service/src/main"), Path.of("../contracts/src/main")));
        }
        Path target = Path.of("target").toAbsolutePath();
        String runId = "clients" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path postgresData = target.resolve("pg-data-" + runId);
        Path kafkaData = target.resolve("kafka-" + runId);
        LocalPostgres postgres = LocalPostgres.start(postgresData, target.resolve("pg-binaries"), 0, false);
        LocalKafka kafka = LocalKafka.start(kafkaData, 0, 3);
        pagePort = org.inclusionmatch.servers.FreePort.pick();
        pageOrigin = "http://localhost:" + pagePort;
        ProfileServiceProcess service = ProfileServiceProcess.start(SERVICE_JAR, postgres.createDatabase(runId),
                kafka.bootstrapServers(), issuer, runId, Map.of("quarkus.http.cors.origins", pageOrigin),
                target.resolve("profile-service-" + runId + ".log"));
        url = service.url();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            kafka.close();
            try {
                postgres.close();
                ServerDirectories.deleteRecursively(postgresData);
                ServerDirectories.deleteRecursively(kafkaData);
            } catch (Exception ignored) {
                // the JVM is going away: a directory left behind costs disk, nothing else
            }
        }, "stop-clients-stack"));
    }

    static synchronized RunningService get() throws Exception {
        if (instance == null) {
            instance = new RunningService();
        }
        return instance;
    }

    String token(String role, UUID organisationId) {
        return issuer.token("clients-it-" + role.toLowerCase(), List.of(role), organisationId, 600);
    }
}
