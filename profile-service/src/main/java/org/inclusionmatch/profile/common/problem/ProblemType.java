package org.inclusionmatch.profile.common.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The error catalogue: every problem {@code type} the API answers with, one per cause, in one place. A type's URI
 * ({@link #BASE} + slug), status and title are part of the contract: clients branch on the type, so a slug is never
 * renamed or reused for another cause; new causes get new slugs. {@code ProblemCatalogueTest} holds the list to the
 * committed one, the OpenAPI document lists them (the {@code type} enum of {@code Problem}), and so does the table in docs/partners.md.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "Invalid request", "A field or parameter breaks a rule; see violations"),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON", "The body is not valid JSON or not the expected shape"),
    BAD_REQUEST("bad-request", 400, "Bad request", "The request cannot be served as asked, though no single field is wrong"),
    INVALID_RULE("invalid-rule", 400, "Invalid eligibility rule", "The CEL eligibility rule does not compile, names an unknown field or is not boolean"),
    RULE_TOO_COSTLY("rule-too-costly", 400, "Eligibility rule too costly", "The CEL eligibility rule is over the size or cost limit"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized", "No bearer token, or one that fails verification (with a WWW-Authenticate challenge)"),
    FORBIDDEN("forbidden", 403, "Forbidden", "The caller's role or organisation may not do this"),
    OTHER_SIDES_MOVE("other-sides-move", 403, "The other side's move", "This move of a referral is made by the other organisation (the provider answers, enrols, completes and drops; the referrer cancels); the detail names whose move it is and yours from here"),
    NOT_FOUND("not-found", 404, "Not found", "No such record, or not one the caller may see; or no resource at this path"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed", "The method is not allowed on this path"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable", "The resource cannot answer in a media type the Accept header allows"),
    DUPLICATE_CODE("duplicate-code", 409, "Code already used", "Another organisation, programme or measure already uses this code"),
    DUPLICATE_EXTERNAL_REF("duplicate-external-ref", 409, "External reference already used", "Another person of the organisation already has this externalRef"),
    DUPLICATE_PERSONAL_CODE("duplicate-personal-code", 409, "Personal code already recorded", "Another person of your organisation has this personal code; the detail names that person (only ever a person of your own organisation)"),
    PLACE_ALREADY_HELD("place-already-held", 409, "Place already held", "The person already holds a place in this measure or its programme, recorded elsewhere; one person holds one place (a neutral reason: it names no organisation, measure or date)"),
    STILL_REFERENCED("still-referenced", 409, "Still referenced", "Other records still refer to this one, or a referenced record does not exist"),
    CONFLICT("conflict", 409, "Conflict", "The change conflicts with the stored data in another way (a data-model rule)"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Illegal status transition", "The enrolment cannot move to this status from its current one; the detail names the allowed moves"),
    ALREADY_ENROLLED("already-enrolled", 409, "Already enrolled", "The person already has an open enrolment in this measure"),
    OUTCOME_EXISTS("outcome-exists", 409, "Outcome exists", "An outcome for this person, programme and period exists already; correct it with PUT"),
    NOT_RECOMMENDED("not-recommended", 409, "Not a current recommendation", "ACCEPT or DECLINE of a measure that is not among the person's current recommendations"),
    ALREADY_RECOMMENDED("already-recommended", 409, "Already recommended", "OVERRIDE with a measure that is recommended already; use ACCEPT"),
    STALE_PROFILE_VERSION("stale-profile-version", 409, "Stale profile version", "Recommendations computed from another profile version than the current one"),
    MATCHING_WITHDRAWN("matching-withdrawn", 409, "Withdrawn from matching", "The person has withdrawn from matching; no recommendations are kept"),
    ROUND_NOT_PROPOSED("round-not-proposed", 409, "Round not open", "Only a PROPOSED allocation round can be confirmed; this one is confirmed already"),
    ALREADY_KEPT_APART("already-kept-apart", 409, "Already kept apart", "These two persons are kept apart already"),
    CONSENT_NOT_ACTIVE("consent-not-active", 409, "Consent not active", "The consent is withdrawn, or its referral is closed so it has lapsed (or would at once); record a new one for an open referral"),
    STALE_VERSION("stale-version", 412, "Precondition failed", "If-Match names another version than the current one, or the record changed at the same time"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large", "The body, or the number of records in it, is over the limit"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type", "The body is not in a media type the operation reads"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused", "The Idempotency-Key was used before with a different request"),
    NOT_A_PARTICIPANT("not-a-participant", 422, "Not a participant", "An outcome for a person who holds no place in the programme, by an organisation that does not operate it"),
    IMPORT_REJECTED("import-rejected", 422, "Import rejected", "An atomic import with refused lines: nothing was stored"),
    PLACEMENT_RESTRICTED("placement-restricted", 422, "Placement restricted", "This measure cannot take this person at present; choose another (a neutral reason: it names no other person and no cause)"),
    DATE_IN_FUTURE("date-in-future", 422, "Date in the future", "A date that records what has happened (an outcome's periodEnd, outcomeDate or followUpDate) is after today; see violations"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required", "An update or delete without If-Match: send the ETag of the version you read"),
    RATE_LIMITED("rate-limited", 429, "Too many requests", "The client sent more requests than its limit; send again after Retry-After seconds (the RateLimit header fields say how much is left)"),
    HTTP_ERROR("http-error", 0, "HTTP error", "Any other refusal at the HTTP level; status is the response's"),
    INTERNAL("internal", 500, "Internal error", "Unexpected failure; the detail has a reference to quote"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Service unavailable", "The database cannot be reached; nothing was changed; retry after Retry-After seconds"),
    AUDIT_UNAVAILABLE("audit-unavailable", 503, "Audit log unavailable", "The access could not be recorded in the audit log, so it is not answered");

    public static final String BASE = "https://inclusion-match.org/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    /** The status this type is answered with; 0 for {@link #HTTP_ERROR}, whose status is the response's. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public static Optional<ProblemType> ofUri(URI uri) {
        return Arrays.stream(values()).filter(type -> type.uri().equals(uri)).findFirst();
    }

    /** The type of a plain HTTP refusal by status (an unknown path, a wrong method, ...). */
    public static ProblemType ofHttpStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 412 -> STALE_VERSION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? INTERNAL : HTTP_ERROR;
        };
    }
}
