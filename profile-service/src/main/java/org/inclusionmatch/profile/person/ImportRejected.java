package org.inclusionmatch.profile.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.common.problem.ProblemBody;
import org.inclusionmatch.profile.common.problem.ProblemType;

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
        boolean errorsTruncated,
        @Schema(description = "The request's X-Request-Id, to quote in a support call") String requestId) implements ProblemBody {

    static ImportRejected of(ImportReport report) {
        return new ImportRejected(ProblemType.IMPORT_REJECTED.uri(), ProblemType.IMPORT_REJECTED.title(), 422,
                report.rejected() + " of " + report.received() + " records are invalid; with atomic=true nothing was stored",
                report.received(), report.rejected(), report.errors(), report.errorsTruncated(), null);
    }

    @Override
    public ImportRejected withRequestId(String id) {
        return new ImportRejected(type, title, status, detail, received, rejected, errors, errorsTruncated, id);
    }
}
