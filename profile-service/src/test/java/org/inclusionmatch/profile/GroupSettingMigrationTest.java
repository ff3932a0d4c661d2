package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V12 on measures stored before it: half-way houses and support groups become shared settings, every other
 * kind does not. Run in a schema of its own, migrated to V11, filled, then migrated on.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class GroupSettingMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measuresStoredBeforeV12TakeTheSettingFromTheirKind() throws Exception {
        String schema = "v12_check_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("11").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + schema);
            sql.execute("insert into organisation values ('" + UUID.randomUUID() + "', 'ORG', 'Org', 'NGO', 'RIGA', 0, now(), now())");
            for (String kind : new String[]{"HALFWAY_HOUSE", "SUPPORT_GROUP", "TRAINING", "MENTORING"}) {
                sql.execute("insert into measure (id, code, provider_id, kind, title, needs, goals, regions, remote, capacity, "
                        + "seats_taken, version, created_at, updated_at) select '" + UUID.randomUUID() + "', '" + kind
                        + "', id, '" + kind + "', 'Title', '{}', '{}', '{RIGA}', false, 5, 0, 0, now(), now() from organisation");
            }
            sql.execute("set search_path to public");
        }
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("12").load().migrate();
        Map<String, Boolean> setting = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("select kind, group_setting from " + schema + ".measure")) {
                while (rows.next()) {
                    setting.put(rows.getString(1), rows.getBoolean(2));
                }
            }
            sql.execute("drop schema " + schema + " cascade");
        }
        assertThat(setting).isEqualTo(Map.of("HALFWAY_HOUSE", true, "SUPPORT_GROUP", true, "TRAINING", false, "MENTORING", false));
    }
}
