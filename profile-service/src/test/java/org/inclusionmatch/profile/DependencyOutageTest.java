package org.inclusionmatch.profile;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.inclusionmatch.servers.FreePort;
import org.inclusionmatch.servers.LocalPostgres;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What the API does when a server it depends on is away: with Kafka unreachable from the start it stays ready and
 * keeps writing (the outbox holds the events; its backlog shows in metrics and /q/health/well); with its database
 * stopped it answers 503 with Retry-After and leaves readiness, not liveness; when the database is back, so is it.
 */
@QuarkusTest
@WithTestResource(DependencyOutageTest.OwnServers.class)
@WithTestResource(JwtTestResource.class)
class DependencyOutageTest {

    /** A PostgreSQL of this test's own, which it stops and starts; Kafka at a port where nothing listens. */
    public static class OwnServers implements QuarkusTestResourceLifecycleManager {
        static Path data;
        static int port;
        static LocalPostgres server;

        @Override
        public Map<String, String> start() {
            try {
                data = Path.of("target").toAbsolutePath().resolve("pg-outage-" + UUID.randomUUID());
                port = FreePort.pick();
                server = LocalPostgres.start(data, Path.of("target").toAbsolutePath().resolve("pg-binaries"), port, true);
                return Map.of(
                        "quarkus.datasource.jdbc.url", server.createDatabase("outage"),
                        "quarkus.datasource.username", "postgres",
                        "quarkus.datasource.password", "",
                        "kafka.bootstrap.servers", "127.0.0.1:" + FreePort.pick(),
                        "inclusion.kafka.create-topics", "false",
                        "inclusion.test.run-id", "outage",
                        "inclusion.outbox.backlog-interval", "1s",
                        "quarkus.datasource.jdbc.acquisition-timeout", "3s");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static void stopDatabase() throws Exception {
            server.close();
            server = null;
        }

        static void startDatabase() throws Exception {
            server = LocalPostgres.start(data, Path.of("target").toAbsolutePath().resolve("pg-binaries"), port, true);
        }

        @Override
        public void stop() {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }
    }

    @AfterAll
    static void databaseBack() throws Exception {
        if (OwnServers.server == null) {
            OwnServers.startDatabase();
        }
    }

    @Test
    void kafkaAwayKeepsTheApiReadyAndWritingAndTheDatabaseAwayIsA503() throws Exception {
        // Kafka has never been reachable: still ready, and writes are accepted into the outbox.
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String operator = Api.createOrganisation();
        String programme = Api.json().body(Api.programme(Api.unique("PRG"), operator)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> RestAssured.get("/q/health/well").then()
                .body("checks.find { it.name == 'outbox-relay' }.data.backlogRows", greaterThanOrEqualTo(1)));
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("inclusion_outbox_backlog_rows"), containsString("inclusion_outbox_lag_seconds"));

        OwnServers.stopDatabase();
        Api.json().get("/api/v1/programmes/" + programme).then().statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://inclusion-match.org/problems/database-unavailable"), "status", equalTo(503));
        Api.json().body(Api.organisation(Api.unique("ORG"))).post("/api/v1/organisations").then().statusCode(503)
                .header("Retry-After", "5");
        RestAssured.get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"),
                "checks.name", not(hasItem(containsString("Database"))));

        OwnServers.startDatabase();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Api.json().get("/api/v1/programmes/" + programme).then().statusCode(200).body("id", equalTo(programme)));
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }
}
