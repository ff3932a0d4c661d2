package org.inclusionmatch.profile.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.common.problem.Problem;

import java.util.List;

/** What a bulk import did, counted by record, with the errors of the refused lines. */
@Schema(name = "PersonImportReport", description = "received = created + updated + unchanged + rejected (blank lines are not records)")
public record ImportReport(
        @Schema(example = "20000") long received,
        @Schema(example = "19990") long created,
        @Schema(example = "4") long updated,
        @Schema(example = "3") long unchanged,
        @Schema(example = "3") long rejected,
        @Schema(description = "The refused lines in file order, at most 1,000") List<LineError> errors,
        @Schema(description = "Whether more lines were refused than errors lists") boolean errorsTruncated,
        @Schema(description = "true: a dry run (dryRun=true), which stored nothing; the counts say what the import would do")
        boolean dryRun) {

    /**
     * One refused line: its number (from 1, blank lines counted; in a spreadsheet its row, the header being row 1),
     * its reference if it could be read, and why.
     */
    @Schema(name = "PersonImportLineError")
    public record LineError(
            @Schema(example = "7", description = "The NDJSON line, or the spreadsheet row (the header is row 1)") long line,
            @Schema(example = "CASE-2026-00017", description = "null when the line has no readable externalRef") String externalRef,
            @Schema(example = "birthYear: must not be in the future") String detail,
            @Schema(description = "Per-field problems, as the violations of POST /persons") List<Problem.Violation> errors) {
        public LineError {
            // read from a line that may be invalid: cut to what a valid one holds, like a problem's detail
            externalRef = Problem.cut(externalRef, 64);
            detail = Problem.cut(detail, Problem.MAX_MESSAGE);
        }
    }
}
