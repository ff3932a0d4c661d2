package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import org.inclusionmatch.profile.domain.InvalidRequest;

import java.io.IOException;
import java.util.List;

/** The rows of a spreadsheet (CSV, XLSX) after its header row, each read by the header's {@link SpreadsheetColumns}. */
abstract class SpreadsheetRecords implements RecordSource {

    /** The current row's number as the spreadsheet shows it (the header is row 1); set by {@link #nextRow()}. */
    protected long number;
    private SpreadsheetColumns columns;
    private List<String> row;

    /** The next row's cells by column (null where there is none) and its number set, or null after the last row. */
    abstract List<String> nextRow() throws IOException;

    /** Reads the header from the first row: a 400 when it is missing or names columns wrongly. */
    final void readHeader(String empty) throws IOException {
        List<String> header = nextRow();
        if (header == null) {
            throw new InvalidRequest(empty);
        }
        if (!header.isEmpty() && header.get(0) != null && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        columns = SpreadsheetColumns.of(header);
    }

    @Override
    public final boolean next() throws IOException {
        row = nextRow();
        return row != null;
    }

    @Override
    public final long number() {
        return number;
    }

    @Override
    public final boolean blank() {
        return SpreadsheetColumns.blank(row);
    }

    @Override
    public final JsonNode read() throws Unreadable {
        return columns.row(row);
    }
}
