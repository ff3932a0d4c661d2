package org.inclusionmatch.profile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.common.cache.CatalogueChanges;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catalogue reads come from memory between changes (issue 23), and are never older than the last change: a change
 * this instance makes shows in the very next read, a change written by anyone else (another instance, an operator's
 * SQL) shows once PostgreSQL delivers its notification, and a lost listening connection costs freshness nothing. A
 * list's ETag names its content, per language, and gives 304 while nothing on the page changed.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class CatalogueReadsTest {

    /** Far below the cache's time to live (a minute): what arrives within it came by notification. */
    private static final Duration NOTIFIED = Duration.ofSeconds(3);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogueChanges changes;

    @Test
    void aListHasAnEtagPerContentAndLanguageAndAnswers304WhileUnchanged() {
        String org = Api.createOrganisation();
        String code = Api.unique("ETAG");
        Api.json().body(Api.measure(code, org)).post("/api/v1/measures").then().statusCode(201);

        String english = list(code, "en").then().statusCode(200).extract().header("ETag");
        assertThat(list(code, "en").header("ETag")).as("the same page, the same tag").isEqualTo(english);
        assertThat(list(code, "lv").header("ETag")).as("another language, another tag").isNotEqualTo(english);
        Api.json().header("Accept-Language", "en").header("If-None-Match", english)
                .get("/api/v1/measures?code=" + code).then().statusCode(304);
        Api.json().header("Accept-Language", "lv").header("If-None-Match", english)
                .get("/api/v1/measures?code=" + code).then().statusCode(200);
    }

    @Test
    void aChangeThisInstanceMakesShowsInTheNextRead() {
        String org = Api.createOrganisation();
        String code = Api.unique("OWN");
        String measure = createMeasure(code, org);
        String before = list(code, "en").header("ETag");
        assertThat(list(code, "en").<Integer>path("items[0].seatsHeld")).isZero();

        String person = Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("id");
        Api.refer(org, person, measure).then().statusCode(201);

        Response after = list(code, "en"); // at once: no wait for the notification
        assertThat(after.<Integer>path("items[0].seatsHeld")).as("the place the referral holds").isEqualTo(1);
        assertThat(after.header("ETag")).isNotEqualTo(before);
        assertThat(Api.json().get("/api/v1/measures/" + measure).<Integer>path("seatsHeld")).isEqualTo(1);
    }

    @Test
    void aChangeWrittenByAnyoneElseShowsOnceNotified() throws SQLException {
        String org = Api.createOrganisation();
        String code = Api.unique("OTHER");
        String measure = createMeasure(code, org);
        assertThat(list(code, "en").<String>path("items[0].title")).isEqualTo("Course " + code);
        Api.json().get("/api/v1/measures/" + measure).then().statusCode(200);

        retitle(measure, "Retitled by another instance");

        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(list(code, "en").<String>path("items[0].title")).isEqualTo("Retitled by another instance");
            assertThat(Api.json().get("/api/v1/measures/" + measure).<String>path("title"))
                    .isEqualTo("Retitled by another instance");
        });
    }

    @Test
    void aLostListeningConnectionIsReplacedAndNothingStaleIsServed() throws SQLException {
        String org = Api.createOrganisation();
        String code = Api.unique("LOST");
        String measure = createMeasure(code, org);
        list(code, "en").then().statusCode(200);
        long generation = changes.generation();

        try (Connection db = dataSource.getConnection(); PreparedStatement kill = db.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'inclusion-catalogue-changes'")) {
            assertThat(kill.executeQuery().next()).as("the listener's connection was there to end").isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.trusted() && changes.generation() > generation);

        retitle(measure, "Changed after the reconnect");
        await().atMost(NOTIFIED).untilAsserted(() ->
                assertThat(list(code, "en").<String>path("items[0].title")).isEqualTo("Changed after the reconnect"));
    }

    private static String createMeasure(String code, String provider) {
        return Api.json().body(Api.measure(code, provider)).post("/api/v1/measures").then().statusCode(201)
                .extract().path("id");
    }

    private static Response list(String code, String language) {
        return Api.json().header("Accept-Language", language).get("/api/v1/measures?code=" + code);
    }

    /** A write that is not this instance's: straight to the table, as another instance or an operator would. */
    private void retitle(String measure, String title) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement update = db.prepareStatement("update measure set title = ? where id = ?")) {
            db.setAutoCommit(true);
            update.setString(1, title);
            update.setObject(2, UUID.fromString(measure));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
