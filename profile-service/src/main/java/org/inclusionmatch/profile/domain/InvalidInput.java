package org.inclusionmatch.profile.domain;

import java.util.List;
import java.util.Optional;

/** Input that breaks a rule on named fields; each field is a JSON path such as {@code legalBasis.reference} or {@code needs[2]}. */
public final class InvalidInput extends DomainException {

    /** One invalid field and the rule it breaks. */
    public record FieldError(String field, String message) {
    }

    /** What is wrong: fields in general, or an eligibility rule, which has causes of its own (common.ProblemType). */
    public enum Cause {
        FIELDS, RULE_DOES_NOT_COMPILE, RULE_TOO_COSTLY,
        /** A date of something that has happened (an outcome's) is after today. */
        DATE_IN_FUTURE
    }

    private final Cause cause;
    private final String title;
    private final List<FieldError> errors;

    private InvalidInput(Cause cause, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.cause = cause;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(Cause.FIELDS, null, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** Dates of things that have happened, each after today: one violation per field, the detail naming them all. */
    public static InvalidInput datesInFuture(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new InvalidInput(Cause.DATE_IN_FUTURE, null, detail, errors);
    }

    /** An eligibility rule in {@code field} that cannot be used, for {@code cause}. */
    public static InvalidInput rule(Cause cause, String field, String message) {
        return new InvalidInput(cause, null, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /**
     * The same problem for input nested under {@code path} (e.g. {@code measures[0]}): every field, and a detail
     * that names a field, start with it. For a request that holds other requests (the what-if's drafts).
     */
    public InvalidInput within(String path) {
        String detail = title == null && errors.size() == 1 ? path + "." + getMessage() : getMessage();
        return new InvalidInput(cause, title, detail,
                errors.stream().map(e -> new FieldError(path + "." + e.field(), e.message())).toList());
    }

    public Cause cause() {
        return cause;
    }

    /** Several invalid fields of one input, described as a whole by {@code title} and {@code detail}. */
    public static InvalidInput fields(String title, String detail, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return new InvalidInput(Cause.FIELDS, title, detail, errors);
    }

    /** The title of the whole input's problem, or empty for the general "invalid request". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
