package org.inclusionmatch.clients;

import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.LocalKafka;
import org.inclusionmatch.servers.LocalPostgres;
import org.inclusionmatch.servers.testing.ProfileServiceProcess;
import org.inclusionmatch.servers.testing.ServerDirectories;
import org.inclusionmatch.servers.testing.ValidatingProxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged profile-service, started once for this module's tests as a partner meets it: a process of its own
 * (the launcher matching-worker's end-to-end tests use, {@link ProfileServiceProcess}) over real PostgreSQL and
 * Kafka from local-servers, trusting a development issuer of this JVM, with the browser page's origin on its CORS
 * allow-list. The generated clients call it through Prism ({@link ValidatingProxy}) with the committed document, the
 * one they were generated from: {@link #url} is Prism's, and every test class ends by asserting Prism found nothing
 * the document does not describe ({@link #assertNoViolations()}).
 */
final class RunningService {

    static final Path SERVICE_JAR = Path.of("../profile-service/target/quarkus-app/quarkus-run.jar");

    private static RunningService instance;

    final DevIssuer issuer = DevIssuer.generate();
    /** Prism in front of the service: where the generated clients send their calls. */
    final String url;
    /** The service itself, for the browser test, whose subject is the service's own CORS answer (Prism answers CORS itself). */
    final String serviceUrl;
    final ValidatingProxy prism;
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
        serviceUrl = service.url();
        prism = ValidatingProxy.start(ValidatingProxy.committedDocument(), serviceUrl, target.resolve("prism-" + runId + ".log"));
        url = prism.url();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            prism.close();
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

    /** Fails on any request or response so far that the committed document does not describe (Prism's log). */
    void assertNoViolations() throws InterruptedException {
        prism.awaitLogged(prism.forwarded());
        org.assertj.core.api.Assertions.assertThat(prism.violations())
                .as("requests and responses the committed document does not describe (Prism; its log is in target/prism-*.log)")
                .isEmpty();
    }

    /**
     * Stores a person's recommendations as the matching worker does: a plain PUT straight to the service. The
     * operation is in the internal document, not in the partners' generated client, and Prism here holds the
     * partners' document only. Answers the status and body.
     */
    java.net.http.HttpResponse<String> storeRecommendations(String personId, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(serviceUrl + "/api/v1/persons/" + personId + "/recommendations"))
                .header("Authorization", "Bearer " + token("MATCHER", null))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    String token(String role, UUID organisationId) {
        return issuer.token("clients-it-" + role.toLowerCase(), List.of(role), organisationId, 600);
    }
}
