package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.servers.DevIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Re-matching throughput on the running local stack (issue 11): seeds N persons straight into PostgreSQL (no
 * events, so nothing re-matches them before the clock starts), all with a need that one new measure serves, then
 * changes that measure twice and times, each time, from the API's answer to the change until every one of the N
 * persons has a recommendation set stored after it. The first change stores new sets, the second replaces them
 * (the seats left change, so every list does). Prints persons per second for each, and the machine's load.
 * <pre>java -cp ... org.inclusionmatch.bench.RematchThroughput API_URL JDBC_URL KEYS_DIR [PERSONS]</pre>
 */
public final class RematchThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private final String token;

    private RematchThroughput(String api, String token) {
        this.api = api;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        DevIssuer issuer = DevIssuer.load(Path.of(args[2]));
        int persons = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        new RematchThroughput(args[0], issuer.token("bench-admin", List.of("ADMIN"), null, 3600))
                .run(args[1], persons);
    }

    private void run(String jdbcUrl, int persons) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String need = "BENCH_REMATCH_" + suffix;
        ObjectNode organisation = JSON.createObjectNode().put("code", "BENCH-RM-" + suffix)
                .put("name", "Re-match bench " + suffix).put("kind", "MUNICIPALITY").put("region", "RIGA");
        String organisationId = send("POST", "/api/v1/organisations", organisation).get("id").asText();
        ObjectNode measure = JSON.createObjectNode().put("code", "BENCH-RM-" + suffix).put("providerId", organisationId)
                .put("kind", "CONSULTATION").put("title", "Re-match bench consultation").put("remote", true)
                .put("capacity", 1_000_000).put("seatsTaken", 0);
        measure.putArray("needs").add(need);
        measure.putArray("regions").add("RIGA");
        JsonNode created = send("POST", "/api/v1/measures", measure);
        String measureId = created.get("id").asText();
        Thread.sleep(3_000); // let the worker finish the creation's re-match (nobody has the need yet)

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            System.out.printf("Seeding %,d persons with the need %s ...%n", persons, need);
            seed(db, organisationId, need, persons);
            long version = created.get("version").asLong();
            for (int round = 1; round <= 2; round++) {
                measure.put("seatsTaken", round);
                Instant start = Instant.now();
                JsonNode changed = send("PUT", "/api/v1/measures/" + measureId, measure, "\"" + version + "\"");
                version = changed.get("version").asLong();
                long stored = awaitStored(db, organisationId, persons, start);
                double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                System.out.printf("Change %d (%s): %,d of %,d persons re-matched and stored in %.1f s: %,.0f persons/s%n",
                        round, round == 1 ? "new sets" : "replaced sets", stored, persons, seconds, stored / seconds);
            }
        }
        System.out.printf("Machine: %d processors, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** N persons in one statement, a mix of regions and roles; all have the bench need, half another one too. */
    private static void seed(Connection db, String organisationId, String need, int persons) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into person (id, organisation_id, role, archetype, birth_year, gender, region, municipality,
                                    target_groups, needs, goals, languages, version, created_at, updated_at,
                                    legal_basis, consent_date, matching_allowed)
                select gen_random_uuid(), ?, 'PARTICIPANT',
                       (array['SAFE_HAVEN','SOFT_SKILLS_GAP','GROWTH_ORIENTED','SURVIVOR'])[1 + i % 4],
                       1960 + i % 45, (array['FEMALE','MALE'])[1 + i % 2],
                       (array['RIGA','PIERIGA','VIDZEME','KURZEME','ZEMGALE','LATGALE'])[1 + i % 6], 'Bench',
                       array[(array['OVER_50','SINGLE_PARENT','ROMA','FORMER_PRISONER'])[1 + i % 4]],
                       case when i % 2 = 0 then array[?, 'DIGITAL_SKILLS'] else array[?] end,
                       array['OPEN_LABOUR_MARKET'], array['lv'], 0, now(), now(), 'CONSENT', date '2026-11-01', true
                from generate_series(1, ?) as i""")) {
            insert.setObject(1, UUID.fromString(organisationId));
            insert.setString(2, need);
            insert.setString(3, need);
            insert.setInt(4, persons);
            insert.executeUpdate();
        }
        try (PreparedStatement analyze = db.prepareStatement("analyze person")) {
            analyze.execute();
        }
    }

    /** Waits until every bench person has a set stored since {@code start}; returns how many have. */
    private static long awaitStored(Connection db, String organisationId, int persons, Instant start) throws Exception {
        Instant deadline = start.plus(LIMIT);
        long stored = 0;
        long reported = -1;
        Instant lastReport = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            try (PreparedStatement count = db.prepareStatement("""
                    select count(*) from recommendation_set r join person p on p.id = r.person_id
                    where p.organisation_id = ? and r.stored_at >= ?""")) {
                count.setObject(1, UUID.fromString(organisationId));
                count.setTimestamp(2, Timestamp.from(start));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                }
            }
            if (stored >= persons) {
                return stored;
            }
            if (Duration.between(lastReport, Instant.now()).toSeconds() >= 10 && stored != reported) {
                System.out.printf("  ... %,d stored%n", stored);
                reported = stored;
                lastReport = Instant.now();
            }
            Thread.sleep(200);
        }
        System.out.printf("  gave up after %s%n", LIMIT);
        return stored;
    }

    private JsonNode send(String method, String path, JsonNode body) throws Exception {
        return send(method, path, body, null);
    }

    private JsonNode send(String method, String path, JsonNode body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
