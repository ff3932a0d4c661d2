package org.inclusionmatch.profile.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.common.http.RequestIds;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). The type is
 * one of the {@link ProblemType} catalogue; {@code requestId} is the request's {@code X-Request-Id}, added to every
 * problem on its way out by {@link RequestIds}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://inclusion-match.org/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(description = "Per-field problems, for validation errors") List<Violation> violations,
        @Schema(description = "The request's X-Request-Id, to quote in a support call") String requestId) implements ProblemBody {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, null);
    }

    public static Problem of(ProblemType type, String detail) {
        return of(type, type.status(), detail);
    }

    /** For {@link ProblemType#HTTP_ERROR}, whose status is the response's. */
    public static Problem of(ProblemType type, int status, String detail) {
        return new Problem(type.uri(), type.title(), status, detail, List.of());
    }

    public static Problem validation(String detail, List<Violation> violations) {
        return of(ProblemType.VALIDATION, detail, violations);
    }

    public static Problem of(ProblemType type, String detail, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, violations);
    }

    @Override
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, violations, id);
    }

    /** One invalid field: where it is (a JSON path such as {@code needs[2]}, or a query parameter) and why. */
    @Schema(name = "Violation")
    public record Violation(@Schema(example = "capacity") String field,
                            @Schema(example = "must be greater than or equal to 0") String message) {
    }
}
