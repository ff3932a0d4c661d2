package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import org.inclusionmatch.profile.common.problem.Problem;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The records of an import body, one at a time, each read into the JSON object an NDJSON line holds, so that every
 * format goes through the same checks and the same storing. A record's number is the one its reader sees: the line
 * of an NDJSON body, the row of a spreadsheet (the header row is row 1, so the first person is row 2).
 */
interface RecordSource extends Closeable {

    /** Moves to the next record; false at the end of the body. */
    boolean next() throws IOException;

    /** The current record's number, as the user sees it. */
    long number();

    /** Whether the current record holds nothing (a blank line, an empty row): skipped, not counted. */
    boolean blank();

    /** The current record as a person's JSON object (or whatever JSON the line holds), or why it cannot be read. */
    JsonNode read() throws Unreadable;

    @Override
    default void close() throws IOException {
    }

    /** A record that cannot be read as JSON: refused with this detail, the import goes on. */
    final class Unreadable extends Exception {
        final transient List<Problem.Violation> violations;

        Unreadable(String detail, List<Problem.Violation> violations) {
            super(detail, null, false, false);
            this.violations = violations;
        }
    }
}
