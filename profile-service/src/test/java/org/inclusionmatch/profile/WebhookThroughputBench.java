package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery throughput to a local receiver (issue 25): BENCH_DELIVERIES deliveries (default 20,000) over BENCH_ENDPOINTS
 * endpoints (default 4, one organisation each) are written while the endpoints are paused, then all are resumed at once
 * and the dispatcher sends them; the figure is deliveries per second until the last is DELIVERED. Not a test of the
 * suite: run by bench/webhooks.sh (-Dinclusion.bench.webhooks=true).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
@EnabledIfSystemProperty(named = "inclusion.bench.webhooks", matches = "true")
class WebhookThroughputBench {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void deliveriesPerSecondToALocalReceiver() throws Exception {
        int deliveries = Integer.getInteger("bench.deliveries", 20_000);
        int endpointCount = Integer.getInteger("bench.endpoints", 4);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            List<String> endpoints = new ArrayList<>();
            for (int i = 0; i < endpointCount; i++) {
                String org = Api.createOrganisation();
                endpoints.add(Api.as(List.of("ADMIN"), org).body(Map.of("url", receiver.url("/bench/" + i),
                        "eventTypes", List.of("PERSON_CREATED"), "status", "PAUSED")).post("/api/v1/webhook-endpoints")
                        .then().statusCode(201).extract().path("id"));
            }
            try (Connection db = dataSource.getConnection()) {
                for (String endpoint : endpoints) {
                    try (PreparedStatement insert = db.prepareStatement("""
                            insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, status, attempts, next_attempt_at, created_at)
                            select gen_random_uuid(), ?, m, 'PERSON_CREATED',
                                   json_build_object('id', m, 'type', 'PERSON_CREATED', 'time', now(), 'organisationId', e.organisation_id,
                                                     'subject', gen_random_uuid(), 'subjectVersion', 0, 'status', null, 'reason', null)::text,
                                   'PENDING', 0, now(), now()
                              from webhook_endpoint e, (select gen_random_uuid() m from generate_series(1, ?)) g where e.id = ?""")) {
                        insert.setObject(1, UUID.fromString(endpoint));
                        insert.setInt(2, deliveries / endpointCount);
                        insert.setObject(3, UUID.fromString(endpoint));
                        insert.executeUpdate();
                    }
                }
                long started = System.nanoTime();
                try (PreparedStatement resume = db.prepareStatement("update webhook_endpoint set status = 'ACTIVE' where id = any(?)")) {
                    resume.setArray(1, db.createArrayOf("uuid", endpoints.stream().map(UUID::fromString).toArray()));
                    resume.executeUpdate();
                }
                long delivered = 0;
                long deadline = started + 600_000_000_000L;
                while (delivered < deliveries && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    try (PreparedStatement count = db.prepareStatement("select count(*) from webhook_delivery where status = 'DELIVERED' and endpoint_id = any(?)")) {
                        count.setArray(1, db.createArrayOf("uuid", endpoints.stream().map(UUID::fromString).toArray()));
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            delivered = rows.getLong(1);
                        }
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("WEBHOOK BENCH: %d deliveries to %d endpoints of a local receiver in %.1f s: %.0f deliveries/s "
                                + "(receiver saw %d requests)%n", delivered, endpointCount, seconds, delivered / seconds, receiver.received().size());
                assertThat(delivered).isEqualTo(deliveries);
            }
        }
    }
}
