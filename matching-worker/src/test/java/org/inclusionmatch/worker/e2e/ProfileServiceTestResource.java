package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ProfileServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The whole loop for end-to-end tests: real PostgreSQL and Kafka (from local-servers) and the packaged
 * profile-service (built earlier in the reactor) as a process of its own ({@link ProfileServiceProcess}, shared with
 * the clients module's tests), for the worker under test to talk to.
 */
public class ProfileServiceTestResource implements QuarkusTestResourceLifecycleManager {

    static final Path SERVICE_JAR = Path.of("../profile-service/target/quarkus-app/quarkus-run.jar");

    private ProfileServiceProcess service;

    /** Called first, before any server starts: a subclass can start a server of its own meanwhile. */
    protected void beforeServers() {
    }

    /** profile-service against the run's database and broker, trusting this JVM's development issuer. */
    protected ProfileServiceProcess startService(String database, String kafka, String runId, Path log) throws Exception {
        return ProfileServiceProcess.start(SERVICE_JAR, database, kafka, JwtTestResource.ISSUER, runId,
                Map.of("quarkus.log.console.json.enabled", "true"), log);
    }

    /** How the worker under test gets its MATCHER token: signed with the development issuer's key. */
    protected Map<String, String> workerIdentity() {
        return Map.of("smallrye.jwt.sign.key", JwtTestResource.ISSUER.privateKeyPem(), "inclusion.auth.issuer", DevIssuer.ISSUER);
    }

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(SERVICE_JAR)) {
                // The reactor builds profile-service first (a build-order dependency in this module's POM).
                ProfileServiceProcess.requireNotOlderThan(SERVICE_JAR,
                        List.of(Path.of("../profile-service/src/main"), Path.of("../contracts/src/main")));
            }
            beforeServers();
            String runId = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            // PostgreSQL and Kafka start side by side (each a JVM-wide singleton, a few seconds each on a loaded
            // machine); profile-service needs both. The broker's thread gets this thread's context class loader, as
            // it would starting here (Kafka loads classes through it).
            CompletableFuture<String> kafkaStarted = new CompletableFuture<>();
            Thread kafkaStarter = new Thread(() -> {
                try {
                    kafkaStarted.complete(KafkaTestResource.broker().bootstrapServers());
                } catch (Throwable e) {
                    kafkaStarted.completeExceptionally(e);
                }
            }, "start-test-kafka");
            kafkaStarter.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            kafkaStarter.start();
            String database = PostgresTestResource.server().createDatabase(runId);
            String kafka = kafkaStarted.join();
            // JSON log lines, as in production: MatchingLoopTest scans them for personal data.
            Path log = Path.of("target", "profile-service-" + runId + ".log");
            service = startService(database, kafka, runId, log);
            String url = service.url();
            Map<String, String> config = new java.util.HashMap<>(workerIdentity());
            config.putAll(Map.of(
                    "kafka.bootstrap.servers", kafka,
                    "inclusion.test.run-id", runId,
                    "quarkus.rest-client.profile-api.url", url,
                    "inclusion.test.profile-service-url", url,
                    "inclusion.test.profile-service-db", database,
                    "inclusion.test.profile-service-log", log.toString()));
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start profile-service for the end-to-end tests", e);
        }
    }

    @Override
    public void stop() {
        if (service != null) {
            service.close();
        }
    }
}
