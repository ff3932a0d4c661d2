package org.inclusionmatch.worker.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged worker as a process of its own, for the tests that kill it (-9) or stop it (SIGTERM) and start a
 * successor: every incarnation of one test shares the instance id, so it takes the partitions straight back (static
 * membership), and runs with production's settings (commits every 5 s), not the test profile's.
 */
final class WorkerProcess {

    static final Path WORKER_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    final int port;
    /** When it answered ready, System.nanoTime(). */
    final long ready;

    private WorkerProcess(Process process, int port, long ready) {
        this.process = process;
        this.port = port;
        this.ready = ready;
    }

    /** Starts the packaged worker against the stack's servers and run topics; returns when it is ready. */
    static WorkerProcess start(Map<String, String> stack, String instance) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String runId = stack.get("inclusion.test.run-id");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + stack.get("kafka.bootstrap.servers"),
                "-Dquarkus.rest-client.profile-api.url=" + stack.get("quarkus.rest-client.profile-api.url"),
                "-Dsmallrye.jwt.sign.key=" + stack.get("smallrye.jwt.sign.key"),
                "-Dinclusion.auth.issuer=" + stack.get("inclusion.auth.issuer"),
                "-Dinclusion.topics.persons=" + runId + ".inclusion.persons.v1",
                "-Dinclusion.topics.catalogue=" + runId + ".inclusion.catalogue.v1",
                "-Dinclusion.worker.instance=" + instance + "-" + runId,
                // no re-match after midnight in the middle of a test: the tests count the results one process computed
                "-Dinclusion.matching.day-change-cron=off",
                "-jar", WORKER_JAR.toString()));
        Path log = Path.of("target", "worker-" + instance + "-" + runId + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("worker exited; see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new WorkerProcess(process, port, System.nanoTime());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("worker not ready in 90 s; see " + log);
    }

    /** kill -9: no shutdown hook, no commit, no goodbye to the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM; whether it stopped within the time. */
    boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many results this process computed (its Prometheus counter), whether stored or not. */
    double matched() throws Exception {
        // The counter's samples; a line may end in an OpenMetrics exemplar (" # {span_id=...} 1.0 <epoch seconds>").
        return metricLines().stream()
                .filter(l -> l.startsWith("inclusion_matching_results_total"))
                .map(l -> l.contains(" # ") ? l.substring(0, l.indexOf(" # ")) : l)
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    List<String> metricLines() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body().lines().filter(l -> l.contains("inclusion_matching_results")).toList();
    }
}
