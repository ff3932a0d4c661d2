package org.inclusionmatch.profile.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** The 422 problem of an all-or-nothing import with refused lines: nothing was stored. */
@Schema(name = "PersonImportRejected", description = "RFC 9457 problem details with the refused lines")
public record ImportRejected(
        @Schema(example = "https://inclusion-match.org/problems/import-rejected") URI type,
        @Schema(example = "Import rejected") String title,
        @Schema(example = "422") int status,
        @Schema(example = "3 of 20000 records are invalid; with atomic=true nothing was stored") String detail,
        long received,
        long rejected,
        List<ImportReport.LineError> errors,
        boolean errorsTruncated) {

    static ImportRejected of(ImportReport report) {
        return new ImportRejected(URI.create("https://inclusion-match.org/problems/import-rejected"), "Import rejected", 422,
                report.rejected() + " of " + report.received() + " records are invalid; with atomic=true nothing was stored",
                report.received(), report.rejected(), report.errors(), report.errorsTruncated());
    }
}
