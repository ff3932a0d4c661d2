package org.inclusionmatch.profile;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.inclusionmatch.profile.person.Workbooks;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The person import from spreadsheets: CSV (byte order mark, semicolons or commas) and XLSX with Latvian headers go
 * through the same checks and storing as NDJSON; a dry run reports every refused row by its number and stores
 * nothing; importing the same file again changes nothing; hostile files are refused.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class SpreadsheetImportTest {

    private static final String IMPORT = "/api/v1/persons/import";
    private static final String AUDIT_WRITES = "select count(*) from audit_entry where organisation_id = ?::uuid "
            + "and operation in ('CREATE', 'UPDATE', 'DELETE')";
    private static final String CSV = "text/csv; charset=UTF-8"; // else RestAssured adds ISO-8859-1
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "Lietas nr.;Loma;Arhetips;Dzimšanas gads;Dzimums;Reģions;Pašvaldība;Vajadzības;"
            + "Valodas;Tiesiskais pamats;Piekrišanas datums;Atlase atļauta";

    private static final java.util.Random CODES = new java.util.Random();

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Test
    void aCsvWithByteOrderMarkAndSemicolonsIsTriedThenImportedThenUnchanged() throws Exception {
        String org = Api.createOrganisation();
        String first = personalCode();
        String sixth = personalCode();
        String wrong = first.substring(0, 11) + (char) ('0' + (first.charAt(11) - '0' + 1) % 10); // its check digit changed
        String csv = "\uFEFF" + HEADER + ";Personas kods\r\n"
                + "S-1;PARTICIPANT;GROWTH_ORIENTED;1992;FEMALE;PIERIGA;Sigulda;\"DIGITAL_SKILLS, CAREER_GUIDANCE\";lv;CONSENT;2026-11-20;jā;" + first + "\r\n"
                + "S-2;PARTICIPANT;GROWTH_ORIENTED;1990;SOMETIMES;RIGA;Rīga;;;CONSENT;2026-11-20;jā;\r\n" // row 3: a bad code
                + ";;;;;;;;;;;;\r\n" // row 4: empty, skipped
                + "S-3;PARTICIPANT;GROWTH_ORIENTED;;FEMALE;RIGA;Rīga;;;CONSENT;2026-11-20;nē;\r\n" // row 5: no birth year
                + "S-1;PARTICIPANT;SURVIVOR;1980;MALE;RIGA;Rīga;;;CONSENT;2026-11-20;jā;\r\n" // row 6: S-1 again
                + "S-4;participant;survivor;1985;male;riga;\"Rīga; Centrs\";housing;LV;consent;20.11.2026;1;\r\n" // row 7: a bad date
                + "S-5;PARTICIPANT;SURVIVOR;1985;MALE;RIGA;Rīga;=HYPERLINK(\"\"http://x.example\"\");;CONSENT;2026-11-20;0;\r\n" // row 8
                + "S-6;participant;survivor;1985;male;riga;\"Rīga; Centrs\";housing;LV;consent;2026-11-21;1; " + sixth + " \r\n"
                + "S-7;PARTICIPANT;SURVIVOR;1985;MALE;RIGA;Rīga;;;CONSENT;2026-11-20;0;" + wrong + "\r\n"; // row 10: a bad check digit
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);

        String report = triedThenImportedThenUnchanged(org, CSV, body, List.of(3, 5, 6, 7, 8, 10), 2);
        assertThat(report).contains("personalCode").doesNotContain(first.substring(7)).doesNotContain(wrong.substring(7));

        JsonPath stored = Api.caseworker(org).queryParam("size", 10).get("/api/v1/persons").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("items.externalRef", String.class)).containsExactlyInAnyOrder("S-1", "S-6");
        int s6 = stored.getList("items.externalRef", String.class).indexOf("S-6");
        assertThat(stored.getString("items[" + s6 + "].municipality")).isEqualTo("Rīga; Centrs");
        assertThat(stored.getList("items[" + s6 + "].needs", String.class)).containsExactly("HOUSING");
        assertThat(stored.getBoolean("items[" + s6 + "].matchingAllowed")).isTrue();
        assertThat(stored.getList("items.personalCodeRecorded", Boolean.class)).containsExactly(true, true);
    }

    @Test
    void aCsvWithCommasThroughPrism() throws Exception {
        String org = Api.createOrganisation();
        String csv = HEADER.replace(';', ',') + "\n"
                + "K-1,PARTICIPANT,SURVIVOR,1979,MALE,KURZEME,Liepāja,\"HOUSING;DIGITAL_SKILLS\",\"lv, ru\",CONSENT,2026-10-01,yes\n"
                + "K-2,PARTICIPANT,FOUNDER,1979,MALE,KURZEME,Liepāja,,,CONSENT,2026-10-01,no\n" // row 3: archetype of another role
                + "K-3,PARTICIPANT,SURVIVOR,1979,MALE,KURZEME,Liepāja,,,CONSENT,2026-10-01,no\n";
        try (ValidatingProxy prism = Api.throughPrism()) {
            importer(org, CSV).body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORT + "?dryRun=true").then().statusCode(200)
                    .body("dryRun", equalTo(true), "created", equalTo(2), "rejected", equalTo(1), "errors[0].line", equalTo(3),
                            "errors[0].externalRef", equalTo("K-2"));
            importer(org, CSV).body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORT).then().statusCode(200)
                    .body("dryRun", equalTo(false), "created", equalTo(2), "rejected", equalTo(1));
            assertThat(prism.violations()).as("requests and responses the document does not describe").isEmpty();
        }
    }

    @Test
    void anXlsxWithLatvianHeadersIsTriedThenImportedThenUnchanged() throws Exception {
        String org = Api.createOrganisation();
        List<Object> header = new ArrayList<>(Arrays.asList(HEADER.split(";")));
        LocalDate consent = LocalDate.of(2026, 11, 20);
        byte[] xlsx = Workbooks.xlsx(Arrays.asList(header,
                row("X-1", "PARTICIPANT", "GROWTH_ORIENTED", 1992, "FEMALE", "PIERIGA", "Sigulda", "DIGITAL_SKILLS", "lv", "CONSENT", consent, true),
                row("X-2", "PARTICIPANT", "GROWTH_ORIENTED", 1992, "FEMALE", "MARS", "Sigulda", null, null, "CONSENT", consent, true),
                row("X-3", "PARTICIPANT", "GROWTH_ORIENTED", 1992, "FEMALE", "PIERIGA", "Sigulda", null, null, null, null, true),
                null,
                row(42, "participant", "survivor", 1985.0, "MALE", "RIGA", "Rīga", "HOUSING; CAREER_GUIDANCE", "lv;ru", "consent", consent, "jā"),
                row("X-1", "PARTICIPANT", "SURVIVOR", 1985, "MALE", "RIGA", "Rīga", null, null, "CONSENT", consent, false),
                row("X-5", "PARTICIPANT", "SURVIVOR", 1985, "MALE", "RIGA", "Rīga", null, null, "CONSENT", "2026-13-01", false)));

        triedThenImportedThenUnchanged(org, XLSX, xlsx, List.of(3, 4, 7, 8), 2);

        JsonPath stored = Api.caseworker(org).queryParam("size", 10).get("/api/v1/persons").then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("items.externalRef", String.class)).containsExactlyInAnyOrder("X-1", "42");
        int other = stored.getList("items.externalRef", String.class).indexOf("42");
        assertThat(stored.getInt("items[" + other + "].birthYear")).isEqualTo(1985);
        assertThat(stored.getList("items[" + other + "].languages", String.class)).containsExactly("lv", "ru");
        assertThat(stored.getString("items[" + other + "].legalBasis.consentDate")).isEqualTo("2026-11-20");
    }

    @Test
    void hostileOrWrongBodiesAreRefusedAsProblems() {
        String org = Api.createOrganisation();
        importer(org, CSV).body("lietas nr.;vārds;=cmd|' /C calc'!A0\nA-1;Jānis;x\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", allOf(containsString("unknown columns: \"vārds\", \"=cmd|' /C calc'!A0\""),
                        containsString("birthYear / birth year / dzimšanas gads")));
        importer(org, CSV).body("externalRef;dzimums;Gender\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(400).body("detail", containsString("names the column gender twice"));
        importer(org, XLSX).body("externalRef\nA-1\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("not an XLSX workbook"));
        byte[] xlsx = Workbooks.xlsx(List.of(List.of("externalRef"), List.of("A-1")));
        importer(org, CSV).body(xlsx).post(IMPORT).then().statusCode(400).body("detail", containsString("not CSV text but a ZIP archive"));
        // 64 MiB of blanks in the sheet, about 64 KiB sent: refused as it expands, never held
        importer(org, XLSX).body(Workbooks.bomb(xlsx, 64 * 1024 * 1024)).post(IMPORT)
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("zip bomb"));
        importer(org, "application/vnd.ms-excel").body(xlsx).post(IMPORT).then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("application/x-ndjson"), containsString("text/csv"), containsString(XLSX)));
        importer(org, "text/csv; charset=windows-1257").body("lietas nr.\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(415).body("detail", containsString("Send the CSV as UTF-8 text"));
        // Answered in Latvian when asked
        importer(org, CSV).header("Accept-Language", "lv").body("lietas nr.;vārds\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT)
                .then().statusCode(400).body("detail", containsString("Galvenē ir nezināmas kolonnas: \"vārds\""));
        assertThat(count("select count(*) from person where organisation_id = ?::uuid", org)).isZero();
    }

    // --- the shared walk ---

    /** A dry run reports the bad rows and stores nothing; the import stores the good ones; again, nothing changes. */
    private String triedThenImportedThenUnchanged(String org, String type, byte[] body, List<Integer> badRows, int good) {
        long persons = count("select count(*) from person where organisation_id = ?::uuid", org);
        long outbox = count("select count(*) from outbox_event where payload::jsonb ->> 'organisationId' = ?", org);
        long writes = count(AUDIT_WRITES, org); // of persons and of their personal codes
        long personWrites = count(AUDIT_WRITES + " and resource_type = 'PERSON'", org);
        double created = metrics.counter("inclusion_import_records", "result", "created").count();
        double rejected = metrics.counter("inclusion_import_records", "result", "rejected").count();

        JsonPath dry = importer(org, type).body(body).post(IMPORT + "?dryRun=true").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getList("errors.line", Integer.class)).as(dry.prettify()).containsExactlyElementsOf(badRows);
        assertThat(dry.getLong("created")).isEqualTo(good);
        assertThat(dry.getLong("rejected")).isEqualTo(badRows.size());
        assertThat(dry.getLong("received")).isEqualTo(good + badRows.size());
        assertThat(count("select count(*) from person where organisation_id = ?::uuid", org)).isEqualTo(persons);
        assertThat(count("select count(*) from outbox_event where payload::jsonb ->> 'organisationId' = ?", org)).isEqualTo(outbox);
        assertThat(count(AUDIT_WRITES, org)).isEqualTo(writes);
        assertThat(metrics.counter("inclusion_import_records", "result", "created").count()).isEqualTo(created);
        assertThat(metrics.counter("inclusion_import_records", "result", "rejected").count()).isEqualTo(rejected);

        JsonPath real = importer(org, type).body(body).post(IMPORT).then().statusCode(200).extract().jsonPath();
        assertThat(real.getBoolean("dryRun")).isFalse();
        assertThat(real.getList("errors")).isEqualTo(dry.getList("errors"));
        assertThat(real.getLong("created")).isEqualTo(good);
        assertThat(count("select count(*) from person where organisation_id = ?::uuid", org)).isEqualTo(persons + good);
        assertThat(count("select count(*) from outbox_event where payload::jsonb ->> 'organisationId' = ?", org)).isEqualTo(outbox + good);
        assertThat(count(AUDIT_WRITES + " and resource_type = 'PERSON'", org)).isEqualTo(personWrites + good);

        importer(org, type).body(body).post(IMPORT + "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true), "created", equalTo(0), "unchanged", equalTo(good));
        importer(org, type).body(body).post(IMPORT).then().statusCode(200)
                .body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(good), "rejected", equalTo(badRows.size()));
        assertThat(count("select count(*) from outbox_event where payload::jsonb ->> 'organisationId' = ?", org)).isEqualTo(outbox + good);
        return dry.prettify();
    }

    /** A valid personal code of the new form (32...), one not used before in this JVM. */
    private static String personalCode() {
        while (true) {
            String digits = "32" + String.format("%08d", CODES.nextInt(100_000_000));
            int[] weights = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += weights[i] * (digits.charAt(i) - '0');
            }
            int check = Math.floorMod(1101 - sum, 11);
            if (check < 10) {
                return digits.substring(0, 6) + "-" + digits.substring(6) + check;
            }
        }
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static RequestSpecification importer(String org, String type) {
        return Api.caseworker(org).contentType(type);
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
