package org.inclusionmatch.profile.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.Api;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation procedure of docs/privacy-and-security.md, on the real database: a key appended to the key file wraps
 * every stored link once more, and look-ups find a record before and after its link is wrapped.
 * <p>
 * The wrapping runs over the whole test database, as it would in production: afterwards every link written so far is
 * under two keys, while the service under test keeps writing one-key links. No test looks up a code written by another
 * class, so nothing else notices.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class IdentityRotationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdentityConfig config;

    @Test
    void anAppendedKeyWrapsEveryLinkAndLookUpsFindItBeforeAndAfter(@TempDir Path dir) throws Exception {
        String org = Api.createOrganisation();
        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String code = SyntheticCodes.next(false);
            Map<String, Object> person = Api.person(org);
            person.put("personalCode", code);
            ids.add(Api.caseworker(org).body(person).post("/api/v1/persons").then().statusCode(201).extract().path("id"));
            codes.add(code);
        }
        // the rotation: the service's key file with one more key appended
        Path rotated = dir.resolve("keys");
        Files.writeString(rotated, Files.readString(config.keyFile().orElseThrow()) + "\n"
                + IdentityKeysTest.key(7) + "\n");
        IdentityKeys twoKeys = IdentityKeysTest.keys(rotated);
        IdentityRewrap rewrap = new IdentityRewrap(twoKeys, dataSource, config);

        long started = System.nanoTime();
        rewrap.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        long wrapped = count("select count(*) from person where identity_layers = 2");
        assertThat(count("select count(*) from person where identity_layers = 1")).isZero();
        System.out.printf("IDENTITY-ROTATION: %d links wrapped in %.2f s (%.0f/s)%n", wrapped, seconds, wrapped / seconds);

        // every record now holds its code's link under both keys, which the rotated key file gives the code
        try (Connection db = dataSource.getConnection();
             PreparedStatement read = db.prepareStatement("select identity_link from person where id = ?")) {
            for (int i = 0; i < ids.size(); i += 37) {
                read.setObject(1, UUID.fromString(ids.get(i)));
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    assertThat(row.getBytes(1)).isEqualTo(twoKeys.link("personalCode",
                            PersonalCode.parse("personalCode", codes.get(i))).value());
                }
            }
        }
        // a second run finds nothing left to wrap
        rewrap.run();
        assertThat(count("select count(*) from person where identity_layers = 2")).isEqualTo(wrapped);
    }

    private long count(String sql) throws Exception {
        try (Connection db = dataSource.getConnection(); ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
