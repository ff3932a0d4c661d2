package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.OverLimit;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading CSV and XLSX bodies into the JSON objects the import checks, without a server: header names in English and
 * Latvian, cells to fields, row numbers as the spreadsheet shows them, and the refusals (unknown or repeated columns,
 * a body that is not what it says, a cell too long, a workbook that expands too far).
 */
class SpreadsheetRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATVIAN_HEADER = "Lietas nr.;Loma;Arhetips;Dzimšanas gads;Dzimums;Reģions;Pašvaldība;"
            + "Mērķgrupas;Vajadzības;Mērķi;Valodas;Tiesiskais pamats;Piekrišanas datums;Tiesiskā atsauce;Atlase atļauta";

    @Test
    void aCsvWithByteOrderMarkAndSemicolonsAndLatvianHeadersGivesThePersonsJson() throws Exception {
        String csv = "\uFEFF" + LATVIAN_HEADER + "\r\n"
                + "CASE-1;participant;Growth_Oriented;1992;female;PIERIGA;\"Sigulda; novads\";SINGLE_PARENT;"
                + "\"digital_skills, CAREER_GUIDANCE;\";;LV, ru;consent;2026-11-20;;jā\r\n"
                + ";;;;;;;;;;;;;;\r\n"
                + "CASE-2;PARTICIPANT;SURVIVOR;1985.0;MALE;RIGA;Rīga;;;;;LEGAL_OBLIGATION;;Probation Law, section 6;nē\r\n";

        List<Record> records = read(new CsvRecords(utf8(csv), 1000));

        assertThat(records).extracting(Record::number).containsExactly(2L, 4L); // row 3 is empty: skipped, counted
        assertThat(records.get(0).json()).isEqualTo(JSON.readTree("""
                {"externalRef":"CASE-1","role":"PARTICIPANT","archetype":"GROWTH_ORIENTED","birthYear":1992,"gender":"FEMALE",
                 "region":"PIERIGA","municipality":"Sigulda; novads","targetGroups":["SINGLE_PARENT"],
                 "needs":["DIGITAL_SKILLS","CAREER_GUIDANCE"],"languages":["lv","ru"],
                 "legalBasis":{"basis":"CONSENT","consentDate":"2026-11-20"},"matchingAllowed":true}"""));
        assertThat(records.get(1).json().get("birthYear").intValue()).isEqualTo(1985);
        assertThat(records.get(1).json().get("legalBasis").get("reference").textValue()).isEqualTo("Probation Law, section 6");
        assertThat(records.get(1).json().get("matchingAllowed").booleanValue()).isFalse();
    }

    @Test
    void aCsvWithCommasAndEnglishHeadersInAnyCaseAndSpacing() throws Exception {
        String csv = "External Ref, ROLE ,archetype,Birth  Year,gender,region,municipality,needs,legal basis,consent date,"
                + "matchingAllowed\n"
                + "C-1,PARTICIPANT,SURVIVOR,1990,FEMALE,RIGA,Rīga,\"HOUSING;DIGITAL_SKILLS\",CONSENT,2026-01-02,yes\n"
                + "C-2,PARTICIPANT,SURVIVOR,nineteen,FEMALE,RIGA,\"=HYPERLINK(\"\"http://x.example\"\",\"\"Rīga\"\")\",\"=1+1\",CONSENT,"
                + "02.01.2026,maybe\n";

        List<Record> records = read(new CsvRecords(utf8(csv), 1000));

        assertThat(records.get(0).json().get("needs")).isEqualTo(JSON.readTree("[\"HOUSING\",\"DIGITAL_SKILLS\"]"));
        assertThat(records.get(0).json().get("matchingAllowed").booleanValue()).isTrue();
        // What is not what a field takes is passed on as text, for the import's checks to refuse with their message.
        JsonNode second = records.get(1).json();
        assertThat(second.get("birthYear").textValue()).isEqualTo("nineteen");
        assertThat(second.get("municipality").textValue()).isEqualTo("=HYPERLINK(\"http://x.example\",\"Rīga\")");
        assertThat(second.get("needs")).isEqualTo(JSON.readTree("[\"=1+1\"]"));
        assertThat(second.get("legalBasis").get("consentDate").textValue()).isEqualTo("02.01.2026");
        assertThat(second.get("matchingAllowed").textValue()).isEqualTo("maybe");
    }

    @Test
    void anUnknownARepeatedOrAMissingKeyColumnIsRefusedWithTheNames() {
        assertThatThrownBy(() -> new CsvRecords(utf8("lietas nr.;vārds;uzvārds\nA;B;C\n"), 1000))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("unknown columns: \"vārds\", \"uzvārds\"")
                .hasMessageContaining("externalRef / external ref / ārējā atsauce / lietas nr.")
                .hasMessageContaining("birthYear / birth year / dzimšanas gads");
        assertThatThrownBy(() -> new CsvRecords(utf8("externalRef,gender,Dzimums\n"), 1000))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("names the column gender twice (\"gender\" and \"Dzimums\")");
        assertThatThrownBy(() -> new CsvRecords(utf8("gender,region\n"), 1000))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("no externalRef column");
        assertThatThrownBy(() -> new CsvRecords(utf8(""), 1000))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("The CSV is empty");
    }

    @Test
    void aValueUnderNoHeaderIsAnErrorOfItsRow() throws Exception {
        List<Record> records = read(new CsvRecords(utf8("externalRef,,gender\nA-1,,FEMALE\nA-2,x,FEMALE\nA-3,,MALE,extra\n"), 1000));

        assertThat(records.get(0).error()).isNull();
        assertThat(records.get(1).error()).isEqualTo("Column B has a value but no header");
        assertThat(records.get(2).error()).isEqualTo("Column D has a value but no header");
    }

    @Test
    void aBodyThatIsNotCsvOrACellTooLongIsRefused() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(List.of("externalRef")));
        assertThatThrownBy(() -> new CsvRecords(new ByteArrayInputStream(workbook), 1000))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not CSV text but a ZIP archive");
        byte[] latin1 = "externalRef;caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new CsvRecords(new ByteArrayInputStream(latin1), 1000))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not UTF-8");

        // Jackson checks the length as its text buffer grows a segment: a short excess may first meet the end of the body
        CsvRecords longCell = new CsvRecords(utf8("externalRef,municipality\nA-1,Rīga\nA-2,\"" + "x".repeat(500_000) + "\n"), 1000);
        assertThat(longCell.next()).isTrue();
        assertThatThrownBy(longCell::next).isInstanceOf(OverLimit.class)
                .hasMessageContaining("Row 3 of the CSV has a cell longer than 1000 characters");
    }

    @Test
    void anXlsxFirstSheetWithLatvianHeadersNumbersDatesAndBooleans() throws Exception {
        List<Object> header = new ArrayList<>(Arrays.asList(LATVIAN_HEADER.split(";")));
        List<Object> first = Arrays.asList("CASE-1", "PARTICIPANT", "growth_oriented", 1992, "FEMALE", "PIERIGA", "Sigulda",
                null, "DIGITAL_SKILLS; CAREER_GUIDANCE", null, "lv", "CONSENT", LocalDate.of(2026, 11, 20), null, true);
        List<Object> second = Arrays.asList(17, "PARTICIPANT", "SURVIVOR", 1985.0, "MALE", "RIGA", "=HYPERLINK(\"x\")",
                null, null, null, null, "CONSENT", "2026-11-21", null, "nē");
        byte[] xlsx = Workbooks.xlsx(Arrays.asList(header, first, null, second));

        List<Record> records = read(new XlsxRecords(new ByteArrayInputStream(xlsx), 1 << 20, 1 << 20, 1 << 20));

        assertThat(records).extracting(Record::number).containsExactly(2L, 4L);
        assertThat(records.get(0).json()).isEqualTo(JSON.readTree("""
                {"externalRef":"CASE-1","role":"PARTICIPANT","archetype":"GROWTH_ORIENTED","birthYear":1992,"gender":"FEMALE",
                 "region":"PIERIGA","municipality":"Sigulda","needs":["DIGITAL_SKILLS","CAREER_GUIDANCE"],"languages":["lv"],
                 "legalBasis":{"basis":"CONSENT","consentDate":"2026-11-20"},"matchingAllowed":true}"""));
        JsonNode other = records.get(1).json();
        assertThat(other.get("externalRef").textValue()).isEqualTo("17");
        assertThat(other.get("birthYear").intValue()).isEqualTo(1985);
        assertThat(other.get("municipality").textValue()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(other.get("legalBasis").get("consentDate").textValue()).isEqualTo("2026-11-21");
        assertThat(other.get("matchingAllowed").booleanValue()).isFalse();
    }

    @Test
    void aBodyThatIsNotXlsxIsA400AndAZipBombA413() throws IOException {
        assertThatThrownBy(() -> new XlsxRecords(utf8("externalRef\nA-1\n"), 1 << 20, 1 << 20, 1 << 20))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("not an XLSX workbook");
        byte[] xlsx = Workbooks.xlsx(List.of(List.of("externalRef"), List.of("A-1")));
        assertThatThrownBy(() -> new XlsxRecords(new ByteArrayInputStream(xlsx), 1000, 1 << 20, 1 << 20))
                .isInstanceOf(OverLimit.class).hasMessageContaining("larger than 1000 bytes");

        byte[] bomb = Workbooks.bomb(xlsx, 32 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(256 * 1024);
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        // Within the expanded limit POI's inflate ratio refuses it; beyond it, the count of expanded bytes does.
        assertThatThrownBy(() -> read(new XlsxRecords(new ByteArrayInputStream(bomb), 1 << 20, 1L << 30, 1 << 20)))
                .isInstanceOf(OverLimit.class).hasMessageContaining("possible zip bomb");
        byte[] large = Workbooks.padded(xlsx, 5 << 20); // compressed about 1.6:1, so only the count of bytes stops it
        assertThatThrownBy(() -> read(new XlsxRecords(new ByteArrayInputStream(large), 8 << 20, 4 << 20, 1 << 20)))
                .isInstanceOf(OverLimit.class).hasMessageContaining("expands to more than 4194304 bytes");
        assertThat(read(new XlsxRecords(new ByteArrayInputStream(large), 8 << 20, 8 << 20, 1 << 20))).hasSize(1);
        assertThat(runtime.totalMemory() - runtime.freeMemory() - before).as("heap used").isLessThan(150L << 20);

        // The shared strings are held in memory: their own, smaller limit.
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("externalRef", "municipality"));
        for (int i = 0; i < 2000; i++) {
            rows.add(List.of("REF-" + i, "Pašvaldība numur " + i + "x".repeat(40)));
        }
        byte[] texts = Workbooks.xlsx(rows);
        assertThatThrownBy(() -> read(new XlsxRecords(new ByteArrayInputStream(texts), 1 << 20, 8 << 20, 64 << 10)))
                .isInstanceOf(OverLimit.class).hasMessageContaining("expands to more than 65536 bytes");
        assertThat(read(new XlsxRecords(new ByteArrayInputStream(texts), 1 << 20, 8 << 20, 1 << 20))).hasSize(2000);
    }

    record Record(long number, JsonNode json, String error) {
    }

    private static List<Record> read(RecordSource source) throws IOException {
        List<Record> records = new ArrayList<>();
        try (source) {
            while (source.next()) {
                if (source.blank()) {
                    continue;
                }
                try {
                    records.add(new Record(source.number(), source.read(), null));
                } catch (RecordSource.Unreadable e) {
                    records.add(new Record(source.number(), null, e.getMessage()));
                }
            }
        }
        return records;
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
