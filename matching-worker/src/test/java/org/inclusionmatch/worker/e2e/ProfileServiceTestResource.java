package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole loop for end-to-end tests: real PostgreSQL and Kafka (from local-servers) and the packaged
 * profile-service (built earlier in the reactor) as a process of its own, for the worker under test to talk to.
 */
public class ProfileServiceTestResource implements QuarkusTestResourceLifecycleManager {

    static final Path SERVICE_JAR = Path.of("../profile-service/target/quarkus-app/quarkus-run.jar");

    private Process service;

    @Override
    public Map<String, String> start() {
        try {
            if (!Files.exists(SERVICE_JAR)) {
                throw new IllegalStateException(SERVICE_JAR.toAbsolutePath() + " is missing: build profile-service first (./mvnw verify builds both)");
            }
            requireNotOlderThanSources();
            String runId = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String database = PostgresTestResource.server().createDatabase(runId);
            String kafka = KafkaTestResource.broker().bootstrapServers();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + database,
                    "-Dquarkus.datasource.username=postgres",
                    "-Dkafka.bootstrap.servers=" + kafka,
                    "-Dmp.jwt.verify.publickey=" + JwtTestResource.ISSUER.publicKeyPem(),
                    "-Dmp.jwt.verify.issuer=" + DevIssuer.ISSUER,
                    "-Dmp.jwt.verify.audiences=" + DevIssuer.AUDIENCE));
            for (String topic : List.of("persons", "catalogue", "recommendations", "enrolments")) {
                command.add("-Dinclusion.topics." + topic + "=" + runId + ".inclusion." + topic + ".v1");
            }
            command.addAll(List.of("-jar", SERVICE_JAR.toString()));
            Path log = Path.of("target", "profile-service-" + runId + ".log");
            service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(service::destroy));
            String url = "http://127.0.0.1:" + port;
            awaitReady(url, log);
            return Map.of(
                    "smallrye.jwt.sign.key", JwtTestResource.ISSUER.privateKeyPem(),
                    "inclusion.auth.issuer", DevIssuer.ISSUER,
                    "kafka.bootstrap.servers", kafka,
                    "inclusion.test.run-id", runId,
                    "quarkus.rest-client.profile-api.url", url,
                    "inclusion.test.profile-service-url", url);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start profile-service for the end-to-end tests", e);
        }
    }

    /**
     * The reactor builds profile-service first (a build-order dependency in this module's POM); this catches a run
     * of this module alone against a jar older than the code it is meant to test.
     */
    private static void requireNotOlderThanSources() throws IOException {
        var built = Files.getLastModifiedTime(SERVICE_JAR);
        for (Path sources : List.of(Path.of("../profile-service/src/main"), Path.of("../contracts/src/main"))) {
            try (var files = Files.walk(sources)) {
                var newer = files.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst();
                if (newer.isPresent()) {
                    throw new IllegalStateException(SERVICE_JAR.toAbsolutePath() + " is older than " + newer.get()
                            + ": rebuild it (./mvnw verify -pl matching-worker -am builds profile-service first)");
                }
            }
        }
    }

    private void awaitReady(String url, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("profile-service exited: " + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("profile-service was not ready within 90 s; see " + log);
    }

    @Override
    public void stop() {
        if (service != null) {
            service.destroy();
            try {
                service.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
