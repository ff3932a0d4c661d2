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

    /** The longest title, detail, violation field and message a problem carries (openapi.SchemaBounds declares them). */
    public static final int MAX_TITLE = 200, MAX_DETAIL = 2000, MAX_FIELD = 200, MAX_MESSAGE = 1000;

    public Problem {
        // a detail may quote input (a compiler's message, a parser's): cut, so that the bounds in the document hold
        title = cut(title, MAX_TITLE);
        detail = cut(detail, MAX_DETAIL);
    }

    /** The text cut to at most max characters, ending in an ellipsis when cut. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

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
        public Violation {
            field = cut(field, MAX_FIELD);
            message = cut(message, MAX_MESSAGE);
        }
    }
}
