package org.inclusionmatch.profile.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.inclusionmatch.profile.common.validation.JsonInputRules;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.DomainException;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.inclusionmatch.profile.domain.OverLimit;
import org.inclusionmatch.profile.domain.PreconditionRequired;
import org.inclusionmatch.profile.domain.RuleViolation;
import org.inclusionmatch.profile.domain.StaleVersion;
import org.inclusionmatch.profile.domain.UnsupportedFormat;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}. Details name the field and the rule, never a stack
 * trace, SQL, or the rejected value of a person field (which may be sensitive).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response problem(Problem problem) {
        return problemBuilder(problem).build();
    }

    static Response.ResponseBuilder problemBuilder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** Every expected failure of a use case, in one place: each kind of {@link DomainException} has one answer. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return problem(problemOf(e));
    }

    public static Problem problemOf(DomainException e) {
        String detail = e.getMessage();
        return switch (e) {
            case NotFound notFound -> Problem.of(ProblemType.NOT_FOUND, detail);
            case Conflict conflict -> Problem.of(typeOf(conflict.cause()), detail);
            case StaleVersion stale -> Problem.of(ProblemType.STALE_VERSION, detail);
            case PreconditionRequired required -> Problem.of(ProblemType.PRECONDITION_REQUIRED, detail);
            case NotPermitted notPermitted -> Problem.of(switch (notPermitted.cause()) {
                case FORBIDDEN -> ProblemType.FORBIDDEN;
                case OTHER_SIDES_MOVE -> ProblemType.OTHER_SIDES_MOVE;
            }, detail);
            case InvalidRequest invalid -> Problem.of(ProblemType.BAD_REQUEST, detail);
            case RuleViolation rule -> Problem.of(switch (rule.rule()) {
                case IDEMPOTENCY_KEY_REUSED -> ProblemType.IDEMPOTENCY_KEY_REUSED;
                case NOT_A_PARTICIPANT -> ProblemType.NOT_A_PARTICIPANT;
                case PLACEMENT_RESTRICTED -> ProblemType.PLACEMENT_RESTRICTED;
            }, detail);
            case OverLimit over -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail);
            case UnsupportedFormat format -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
            case InvalidInput invalid -> {
                List<Problem.Violation> violations = invalid.errors().stream()
                        .map(error -> new Problem.Violation(error.field(), error.message())).toList();
                Problem base = Problem.of(switch (invalid.cause()) {
                    case FIELDS -> ProblemType.VALIDATION;
                    case RULE_DOES_NOT_COMPILE -> ProblemType.INVALID_RULE;
                    case RULE_TOO_COSTLY -> ProblemType.RULE_TOO_COSTLY;
                    case DATE_IN_FUTURE -> ProblemType.DATE_IN_FUTURE;
                }, detail, violations);
                yield invalid.title().map(title -> new Problem(base.type(), title, 400, detail, violations)).orElse(base);
            }
        };
    }

    static ProblemType typeOf(Conflict.Cause cause) {
        return switch (cause) {
            case DUPLICATE_CODE -> ProblemType.DUPLICATE_CODE;
            case DUPLICATE_EXTERNAL_REF -> ProblemType.DUPLICATE_EXTERNAL_REF;
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION;
            case ALREADY_ENROLLED -> ProblemType.ALREADY_ENROLLED;
            case OUTCOME_EXISTS -> ProblemType.OUTCOME_EXISTS;
            case NOT_RECOMMENDED -> ProblemType.NOT_RECOMMENDED;
            case ALREADY_RECOMMENDED -> ProblemType.ALREADY_RECOMMENDED;
            case STALE_PROFILE_VERSION -> ProblemType.STALE_PROFILE_VERSION;
            case MATCHING_WITHDRAWN -> ProblemType.MATCHING_WITHDRAWN;
            case ROUND_NOT_PROPOSED -> ProblemType.ROUND_NOT_PROPOSED;
            case ALREADY_KEPT_APART -> ProblemType.ALREADY_KEPT_APART;
            case CONSENT_NOT_ACTIVE -> ProblemType.CONSENT_NOT_ACTIVE;
            case DUPLICATE_PERSONAL_CODE -> ProblemType.DUPLICATE_PERSONAL_CODE;
            case PLACE_ALREADY_HELD -> ProblemType.PLACE_ALREADY_HELD;
        };
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return problem(Problem.validation(detail, violations));
    }

    /** The JSON path of the field, without the Java method and parameter names the validator puts in front. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            // The validator puts a list index on the node after the list: needs[1], recommendations[0].score
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    // One mapper per Jackson type: Quarkus ships its own for some of them, and the most specific type wins.
    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonUnknownField(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            return problem(Problem.of(ProblemType.MALFORMED_JSON,
                    "The body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(Problem.validation("Unknown field '" + field + "'",
                    List.of(new Problem.Violation(field, "is not a field of this resource"))));
        }
        if (e instanceof JsonInputRules.Refused refused) {
            String field = path(refused);
            return problem(Problem.validation(field + " " + refused.getOriginalMessage(),
                    List.of(new Problem.Violation(field.isEmpty() ? "body" : field, refused.getOriginalMessage()))));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            String field = path(format);
            return problem(Problem.validation(field + " must be one of " + allowed,
                    List.of(new Problem.Violation(field, "must be one of " + allowed))));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            String message = field.isEmpty() ? "The body must be a JSON object" : "must be " + expected;
            return problem(Problem.validation(field.isEmpty() ? message : field + " " + message,
                    List.of(new Problem.Violation(field.isEmpty() ? "body" : field, message))));
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            String field = path(mapping);
            return problem(Problem.validation(field + " has a value that cannot be read",
                    List.of(new Problem.Violation(field, "has a value that cannot be read"))));
        }
        return problem(Problem.of(ProblemType.MALFORMED_JSON, "The body could not be read as the expected JSON"));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.getName().startsWith("java.time")) {
            return "a date (YYYY-MM-DD)";
        }
        return "a JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.toString();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return problem(Problem.of(ProblemType.STALE_VERSION,
                "The resource was changed by someone else at the same time; read it again and retry"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        if (status == 400 && cause instanceof java.io.IOException) {
            return problem(Problem.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON (it ends too early)"));
        }
        if (cause instanceof DomainException refused) { // a parameter QueryParamConverters could not read
            return domain(refused);
        }
        if (status == 404 && cause != null) {
            // JAX-RS answers 404 when a query parameter does not convert; the caller sent a bad value, not a bad path.
            return problem(Problem.of(ProblemType.BAD_REQUEST,
                    "A query or path parameter has the wrong type (numbers for page and size, UUIDs for ids)"));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this path (check the URL and that ids are UUIDs)";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "This resource answers in application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            default -> e.getMessage();
        };
        return problem(Problem.of(ProblemType.ofHttpStatus(status), status, detail));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        return internalError(e);
    }

    /** The one answer to a failure nobody expected: a reference to quote, logged without the message. */
    static Response internalError(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return DatabaseConflicts.conflict(violation);
            }
        }
        String reference = UUID.randomUUID().toString();
        // Only the exception type and a reference: messages can carry SQL or personal data.
        LOG.errorf("Unexpected %s (reference %s)", e.getClass().getName(), reference);
        LOG.debug("Unexpected failure " + reference, e);
        return problem(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side; quote reference " + reference + " when you report it"));
    }
}
