package org.inclusionmatch.worker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged worker, restarted: killed with -9 or stopped with SIGTERM, a new process with the same instance id
 * takes the partitions straight back (static membership) and matches what arrived meanwhile within seconds; after
 * a SIGTERM it re-processes nothing, because the shutdown committed what it had finished.
 */
class WorkerHandOverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final ProfileServiceTestResource service = new ProfileServiceTestResource();
    private static Map<String, String> stack;
    private static String organisation;
    private static WorkerProcess worker;

    @BeforeAll
    static void startStack() throws Exception {
        stack = service.start();
        organisation = JSON.readTree(send("POST", "/api/v1/organisations", List.of("ADMIN"), null,
                "{\"code\":\"HANDOVER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                        + "\",\"name\":\"Hand-over NGO\",\"kind\":\"NGO\",\"region\":\"RIGA\"}")).get("id").asText();
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (worker != null) {
            worker.kill();
        }
        service.stop();
    }

    @Test
    void aRestartedWorkerResumesWithinSecondsAndAGracefulStopLeavesNothingToRedo() throws Exception {
        startWorker();
        String first = createPerson();
        awaitMatched(first, Duration.ofSeconds(60));

        // kill -9: events created while no worker runs are matched within seconds of the new one being ready
        worker.kill();
        List<String> meanwhile = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            meanwhile.add(createPerson());
        }
        long ready = startWorker();
        for (String id : meanwhile) {
            awaitMatched(id, Duration.ofSeconds(60));
        }
        double afterKill = (System.nanoTime() - ready) / 1e9;
        System.out.printf("hand-over after kill -9: waiting events matched %.1f s after the new worker was ready%n", afterKill);
        assertThat(afterKill).as("seconds from the restarted worker being ready to all waiting events matched").isLessThan(8);

        // SIGTERM: the worker finishes and commits; its successor has nothing to redo
        String beforeStop = createPerson();
        awaitMatched(beforeStop, Duration.ofSeconds(30));
        // Its result is stored; the second lets the worker's own ack of that record land before the stop, so what the
        // stop must commit is "finished", not "in flight".
        Thread.sleep(1_000);
        assertThat(worker.stop(Duration.ofSeconds(30))).as("stopped within 30 s").isTrue();
        // Where a successor resumes is the group's committed offsets: after a graceful stop they are at the end of
        // every partition, so there is nothing to redo. Checked directly (a fixed wait for the successor to redo
        // something only catches a missing commit if the redo happens within the wait).
        assertThat(uncommitted()).as("records past the committed offsets after a graceful stop").isEmpty();
        startWorker();
        assertThat(matchedByThisProcess()).as("results computed again by the successor of a graceful stop").isZero();
        String next = createPerson();
        long created = System.nanoTime();
        awaitMatched(next, Duration.ofSeconds(30));
        double afterStop = (System.nanoTime() - created) / 1e9;
        // The successor has fetched and matched a new event, so it has read its partitions from where it resumed; its
        // counter holds that one result and nothing computed again (a successor reading from anywhere but the
        // committed offsets, e.g. under a new group, would have re-matched the seven persons before it).
        long counted = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (matchedByThisProcess() < 1 && System.nanoTime() < counted) {
            Thread.sleep(50);
        }
        assertThat(matchedByThisProcess()).as("results computed by the successor: the new event's only; " + metricLines()).isEqualTo(1);
        System.out.printf("hand-over after SIGTERM: nothing re-processed; a new event matched in %.1f s%n", afterStop);
        assertThat(afterStop).as("seconds to match a new event after the hand-over").isLessThan(8);
    }

    /** Starts the packaged worker with the instance id every incarnation shares; returns when it is ready. */
    private static long startWorker() throws Exception {
        worker = WorkerProcess.start(stack, "handover");
        return worker.ready;
    }

    /** Partitions of this run's worker topics whose end is past the worker group's committed offset, with the gap. */
    private static Map<String, Long> uncommitted() throws Exception {
        String runId = stack.get("inclusion.test.run-id");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.get("kafka.bootstrap.servers")))) {
            return Stack.behind(admin, Stack.WORKER_GROUP,
                    List.of(runId + ".inclusion.persons.v1", runId + ".inclusion.catalogue.v1"));
        }
    }

    /** How many results this worker process computed (its Prometheus counter), whether stored or not. */
    private static double matchedByThisProcess() throws Exception {
        return worker.matched();
    }

    private static List<String> metricLines() throws Exception {
        return worker.metricLines();
    }

    private static String createPerson() throws Exception {
        String body = "{\"role\":\"FACILITATOR\",\"archetype\":\"NEAR_RETIREMENT_MANAGER\",\"birthYear\":1962,\"gender\":\"MALE\","
                + "\"region\":\"LATGALE\",\"municipality\":\"Daugavpils\",\"targetGroups\":[\"OVER_50\"],\"needs\":[\"SUCCESSION\"],"
                + "\"legalBasis\":{\"basis\":\"CONSENT\",\"consentDate\":\"2026-11-20\"},\"matchingAllowed\":true}";
        return JSON.readTree(send("POST", "/api/v1/persons", List.of("CASEWORKER"), organisation, body)).get("id").asText();
    }

    private static void awaitMatched(String personId, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode recommendations = JSON.readTree(send("GET", "/api/v1/persons/" + personId + "/recommendations",
                    List.of("CASEWORKER"), organisation, null));
            if (recommendations.hasNonNull("computedAt")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("person " + personId + " not matched within " + atMost);
    }

    private static String send(String method, String path, List<String> roles, String org, String body) throws Exception {
        String token = JwtTestResource.ISSUER.token("handover-" + String.join("-", roles).toLowerCase(), roles,
                org == null ? null : UUID.fromString(org), 600);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.get("inclusion.test.profile-service-url") + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return response.body();
    }
}
