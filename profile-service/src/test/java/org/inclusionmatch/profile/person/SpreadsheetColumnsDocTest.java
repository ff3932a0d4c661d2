package org.inclusionmatch.profile.person;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import guide's table of spreadsheet columns is the one the import reads ({@link SpreadsheetColumns#COLUMNS}). */
class SpreadsheetColumnsDocTest {

    static final Path DOC = Path.of("../docs/case-work.md");
    private static final Map<SpreadsheetColumns.Kind, String> CELLS = Map.of(SpreadsheetColumns.Kind.TEXT, "text",
            SpreadsheetColumns.Kind.WHOLE_NUMBER, "whole number", SpreadsheetColumns.Kind.YES_NO, "yes/no",
            SpreadsheetColumns.Kind.CODE, "code", SpreadsheetColumns.Kind.CODES, "list of codes",
            SpreadsheetColumns.Kind.LANGUAGES, "list of language codes", SpreadsheetColumns.Kind.DATE, "date");

    static String table() {
        StringBuilder table = new StringBuilder("| field | English header | Latvian header | cell |\n|---|---|---|---|\n");
        for (SpreadsheetColumns.Column column : SpreadsheetColumns.COLUMNS) {
            table.append("| `").append(column.field()).append("` | ").append(String.join(", ", column.english()))
                    .append(" | ").append(String.join(", ", column.latvian())).append(" | ").append(CELLS.get(column.kind()))
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void theGuideListsEveryColumnByEveryName() throws Exception {
        assertThat(Files.readString(DOC)).as("replace the table in " + DOC + " with:\n" + table()).contains(table());
    }
}
