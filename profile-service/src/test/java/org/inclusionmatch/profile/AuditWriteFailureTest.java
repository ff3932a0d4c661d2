package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access is recorded before it is answered: when its audit entry cannot be committed, an audited read answers
 * a 503 without the person's data, and the entries written in the same group commit as the failing one are
 * still written and their reads answered.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class AuditWriteFailureTest {

    private static final String FAILING = "audit-write-fails-";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void aReadWhoseAuditEntryCannotBeWrittenIsNotAnswered() throws Exception {
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String failing = FAILING + UUID.randomUUID();
        String fine = "audit-write-works-" + UUID.randomUUID();
        sql("create or replace function audit_entry_test_failure() returns trigger language plpgsql as $$ begin "
                + "if new.subject like '" + FAILING + "%' then raise exception 'audit store refuses this entry'; end if; "
                + "return new; end; $$");
        sql("create trigger audit_entry_test_failure before insert on audit_entry for each row "
                + "execute function audit_entry_test_failure()");
        double failuresBefore = metrics.counter("inclusion_audit_write_failures").count();
        try {
            // concurrent reads, so that failing and working entries share group commits
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Response>> failingReads = new ArrayList<>();
            List<Future<Response>> fineReads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                failingReads.add(pool.submit(read(failing, org, person)));
                fineReads.add(pool.submit(read(fine, org, person)));
            }
            for (Future<Response> read : failingReads) {
                Response response = read.get();
                assertThat(response.statusCode()).as("a read that could not be audited").isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("ETag")).isNull();
                assertThat(response.body().asString()).doesNotContain(person).doesNotContain("birthYear");
            }
            for (Future<Response> read : fineReads) {
                assertThat(read.get().statusCode()).as("an audited read next to a failing one").isEqualTo(200);
            }
            pool.shutdown();
            assertThat(rowsOf(failing)).isZero();
            assertThat(rowsOf(fine)).as("each answered read is already in the trail").isEqualTo(20);
            assertThat(metrics.counter("inclusion_audit_write_failures").count() - failuresBefore)
                    .as("every failed entry counted, for the alert").isEqualTo(20.0);
        } finally {
            sql("drop trigger audit_entry_test_failure on audit_entry");
        }
        // and once the store takes entries again, reads are answered again
        read(failing, org, person).call().then().statusCode(200);
        assertThat(rowsOf(failing)).isEqualTo(1);
    }

    private static Callable<Response> read(String subject, String org, String person) {
        String token = Api.caseworkerToken(subject, org);
        return () -> Api.anonymous().auth().oauth2(token).get("/api/v1/persons/" + person);
    }

    private void sql(String statement) throws Exception {
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            db.setAutoCommit(true);
            s.execute(statement);
        }
    }

    private long rowsOf(String subject) throws Exception {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select count(*) from audit_entry where subject = ?")) {
            query.setString(1, subject);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
