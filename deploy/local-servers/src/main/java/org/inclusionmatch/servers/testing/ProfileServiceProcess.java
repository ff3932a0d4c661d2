package org.inclusionmatch.servers.testing;

import org.inclusionmatch.servers.DevIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The packaged profile-service (target/quarkus-app, built earlier in the reactor) as a process of its own, against
 * a given PostgreSQL database, Kafka broker and token issuer: for the tests that need the real service from the
 * outside (matching-worker's end-to-end tests, the generated clients' tests, the browser test). Topics are prefixed
 * with the run id, so runs on one broker never see each other's events.
 */
public final class ProfileServiceProcess implements AutoCloseable {

    private final Process process;
    private final String url;
    private final Path log;

    private ProfileServiceProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the jar and waits until /q/health/ready answers 200 (at most 90 s).
     *
     * @param properties further system properties for the service, for example the CORS origins
     */
    public static ProfileServiceProcess start(Path jar, String jdbcUrl, String kafkaBootstrap, DevIssuer issuer,
                                              String runId, Map<String, String> properties, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(jar, port, jdbcUrl, kafkaBootstrap, Map.of(
                "mp.jwt.verify.publickey", issuer.publicKeyPem(),
                "mp.jwt.verify.issuer", DevIssuer.ISSUER,
                "mp.jwt.verify.audiences", DevIssuer.AUDIENCE), runId, properties, log);
    }

    /**
     * As above on a given port, trusting the tokens {@code auth} describes (mp.jwt.verify.*: an OIDC provider's JWKS
     * URL and issuer, for the sign-in tests against Keycloak).
     */
    public static ProfileServiceProcess start(Path jar, int port, String jdbcUrl, String kafkaBootstrap, Map<String, String> auth,
                                              String runId, Map<String, String> properties, Path log) throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build profile-service first (./mvnw verify builds it)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=postgres",
                "-Dkafka.bootstrap.servers=" + kafkaBootstrap,
                // the tests send bursts of their own; profile-service's tests try the limit
                "-Dinclusion.rate-limit.defaults.requests-per-second=100000",
                "-Dinclusion.rate-limit.defaults.burst=100000"));
        for (String topic : List.of("persons", "catalogue", "recommendations", "enrolments")) {
            command.add("-Dinclusion.topics." + topic + "=" + runId + ".inclusion." + topic + ".v1");
        }
        auth.forEach((key, value) -> command.add("-D" + key + "=" + value));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        ProfileServiceProcess service = new ProfileServiceProcess(process, "http://127.0.0.1:" + port, log);
        try {
            service.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /**
     * Fails when a file under one of the source folders is newer than the jar: catches a run of one module alone
     * against a jar older than the code it is meant to test.
     */
    public static void requireNotOlderThan(Path jar, List<Path> sourceFolders) throws IOException {
        var built = Files.getLastModifiedTime(jar);
        for (Path sources : sourceFolders) {
            try (var files = Files.walk(sources)) {
                var newer = files.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).findFirst();
                if (newer.isPresent()) {
                    throw new IllegalStateException(jar.toAbsolutePath() + " is older than " + newer.get()
                            + ": rebuild it (./mvnw verify -pl <this module> -am builds profile-service first)");
                }
            }
        }
    }

    /** The base URL, http://127.0.0.1:PORT. */
    public String url() {
        return url;
    }

    public Path log() {
        return log;
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
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
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
