package org.inclusionmatch.profile.common;

import java.util.List;

/** An expected failure that becomes a problem response with the given status; the message is shown to the caller. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    protected ApiException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ApiException staleVersion(long current, String ifMatch) {
        return new ApiException(412, "stale-version", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version \"" + current + "\"; read the resource again and retry",
                List.of());
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiException unprocessable(String slug, String title, String detail) {
        return new ApiException(422, slug, title, detail, List.of());
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail, List.of());
    }

    public Problem toProblem() {
        Problem base = Problem.of(slug, title, status, getMessage());
        return new Problem(base.type(), title, status, getMessage(), violations);
    }

    public int status() {
        return status;
    }
}
