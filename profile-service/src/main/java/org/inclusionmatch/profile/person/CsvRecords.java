package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.OverLimit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV body's rows as records: UTF-8 with or without a byte order mark, cells separated by commas or by semicolons
 * (whichever the header row holds more of, outside quotes), quoted cells as RFC 4180 has them (a quoted cell may hold
 * the separator, quotes doubled, line breaks). The first row is the header ({@link SpreadsheetColumns}); rows are
 * numbered as a spreadsheet shows them, the header being row 1. Read as it arrives; a cell longer than its limit
 * ends the import with a 413, since the rest of the file cannot be told apart from it.
 */
final class CsvRecords extends SpreadsheetRecords {

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final MappingIterator<List<String>> rows;
    private final int maxCellChars;

    CsvRecords(InputStream body, int maxCellChars) throws IOException {
        this.maxCellChars = maxCellChars;
        BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
        char separator = separator(in, maxCellChars);
        // Strict UTF-8: a byte that is not UTF-8 stops the import instead of becoming a replacement character.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        CsvMapper mapper = new CsvMapper(CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxCellChars).build()).build());
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withoutHeader();
        this.rows = mapper.readerForListOf(String.class).with(schema).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .without(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader);
        readHeader("The CSV is empty: its first row must be the header");
    }

    /** The header row's separator: ';' when it holds more semicolons than commas outside quotes, else ','. */
    private static char separator(BufferedInputStream in, int maxCellChars) throws IOException {
        int limit = Math.max(maxCellChars, 64 * 1024);
        in.mark(limit + 1);
        byte[] head = in.readNBytes(limit);
        in.reset();
        if (head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), ZIP)) {
            throw new InvalidRequest("The body is not CSV text but a ZIP archive (an XLSX workbook?): send an XLSX workbook as "
                    + PersonImport.XLSX);
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The CSV's header row is not UTF-8 text: save the file as CSV UTF-8");
        }
        if (line.indexOf('\0') >= 0) {
            throw new InvalidRequest("The CSV's header row is not UTF-8 text: save the file as CSV UTF-8");
        }
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    List<String> nextRow() throws IOException {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            List<String> row = rows.nextValue();
            number++;
            return row;
        } catch (JsonProcessingException e) {
            if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
                throw new OverLimit("Row " + (number + 1) + " of the CSV has a cell longer than " + maxCellChars
                        + " characters (a missing closing quote?); the import stopped there");
            }
            throw new InvalidRequest("Row " + (number + 1) + " of the CSV could not be read (" + e.getOriginalMessage()
                    + "); the import stopped there");
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("Row " + (number + 1) + " of the CSV is not UTF-8 text; the import stopped there");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) { // MappingIterator wraps what it cannot throw
                throw io;
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
