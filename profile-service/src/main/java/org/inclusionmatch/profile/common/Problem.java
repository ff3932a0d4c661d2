package org.inclusionmatch.profile.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://inclusion-match.org/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(description = "Per-field problems, for validation errors") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://inclusion-match.org/problems/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, List.of());
    }

    public static Problem validation(String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400, detail, violations);
    }

    /** One invalid field: where it is (a JSON path such as {@code needs[2]}, or a query parameter) and why. */
    @Schema(name = "Violation")
    public record Violation(@Schema(example = "capacity") String field,
                            @Schema(example = "must be greater than or equal to 0") String message) {
    }
}
