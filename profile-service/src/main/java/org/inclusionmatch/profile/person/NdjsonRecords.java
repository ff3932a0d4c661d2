package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** An NDJSON body's lines as records: one JSON value per line, numbered from 1 with blank lines counted. */
final class NdjsonRecords implements RecordSource {

    private final NdjsonLines lines;
    private final ObjectReader lineReader;
    private final int maxLineBytes;

    NdjsonRecords(InputStream body, ObjectReader lineReader, int maxLineBytes) {
        this.lines = new NdjsonLines(body, maxLineBytes);
        this.lineReader = lineReader;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public boolean next() throws IOException {
        return lines.next();
    }

    @Override
    public long number() {
        return lines.number();
    }

    @Override
    public boolean blank() {
        return lines.blank();
    }

    @Override
    public JsonNode read() throws Unreadable {
        if (lines.tooLong()) {
            throw new Unreadable("The line is longer than " + maxLineBytes + " bytes", List.of());
        }
        try {
            return lineReader.readValue(lines.bytes(), 0, lines.length());
        } catch (JsonParseException e) {
            throw new Unreadable("The line is not valid JSON (column " + e.getLocation().getColumnNr() + ")", List.of());
        } catch (IOException e) {
            throw new Unreadable("The line is not valid JSON", List.of());
        }
    }
}
