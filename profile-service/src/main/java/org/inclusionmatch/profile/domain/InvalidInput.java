package org.inclusionmatch.profile.domain;

import java.util.List;
import java.util.Optional;

/** Input that breaks a rule on named fields; each field is a JSON path such as {@code legalBasis.reference} or {@code needs[2]}. */
public final class InvalidInput extends DomainException {

    /** One invalid field and the rule it breaks. */
    public record FieldError(String field, String message) {
    }

    private final String title;
    private final List<FieldError> errors;

    private InvalidInput(String title, String detail, List<FieldError> errors) {
        super(detail);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(null, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** Several invalid fields of one input, described as a whole by {@code title} and {@code detail}. */
    public static InvalidInput fields(String title, String detail, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return new InvalidInput(title, detail, errors);
    }

    /** The title of the whole input's problem, or empty for the general "invalid request". */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
