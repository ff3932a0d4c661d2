package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail is append-only in the database itself, whatever the application does: UPDATE, DELETE and
 * TRUNCATE are refused by a trigger, even for the owner of the table, and the refused statement changes nothing.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class AuditTrailIsAppendOnlyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void updateDeleteAndTruncateAreRefusedAndChangeNothing() throws Exception {
        // an audit row of this test's own: one read of a person by a subject no other test uses
        String org = Api.createOrganisation();
        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201).extract().path("id");
        String subject = "append-only-" + UUID.randomUUID();
        Api.caseworker(subject, org).get("/api/v1/persons/" + person).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsOf(subject) == 1);
        long total = totalRows();

        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            List<String> refused = List.of(
                    "update audit_entry set outcome = 'DENIED' where subject = '" + subject + "'",
                    "update audit_entry set subject = 'someone-else' where subject = '" + subject + "'",
                    "delete from audit_entry where subject = '" + subject + "'",
                    "delete from audit_entry",
                    "truncate audit_entry");
            for (String sql : refused) {
                try (Statement statement = db.createStatement()) {
                    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                            .isInstanceOf(SQLException.class).hasMessageContaining("audit_entry is append-only");
                }
            }
            // appending is still allowed: the trail is append-only, not read-only
            try (Statement statement = db.createStatement()) {
                assertThat(statement.executeUpdate("insert into audit_entry (at, subject, roles, operation, resource_type, outcome, "
                        + "http_status) values (now(), '" + subject + "', 'AUDITOR', 'READ', 'PERSON', 'ALLOWED', 200)")).isEqualTo(1);
            }
        }
        assertThat(rowsOf(subject)).isEqualTo(2);
        assertThat(totalRows()).as("no row of anyone's went").isGreaterThanOrEqualTo(total + 1);
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select outcome from audit_entry where subject = ? order by id limit 1")) {
            query.setString(1, subject);
            try (ResultSet r = query.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("the refused update left the row as it was").isEqualTo("ALLOWED");
            }
        }
    }

    private long rowsOf(String subject) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("select count(*) from audit_entry where subject = ?")) {
            query.setString(1, subject);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long totalRows() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet r = statement.executeQuery("select count(*) from audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }
}
