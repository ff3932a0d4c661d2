package org.inclusionmatch.profile.domain;

/**
 * An expected failure of a use case, said in the domain's words: what is missing, in conflict or invalid, never an
 * HTTP status. The message is meant for the caller, so it names ids, fields and rules, never a person's data.
 * {@code common.ProblemMappers} turns each kind into its problem+json answer, in one place.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidInput, InvalidRequest, StaleVersion, NotPermitted, RuleViolation,
        OverLimit, UnsupportedFormat, PreconditionRequired {

    DomainException(String message) {
        super(message);
    }
}
