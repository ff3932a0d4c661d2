package org.inclusionmatch.profile.common;

/** Shared texts for the OpenAPI document. */
public final class ApiResponsesDoc {
    public static final String IF_MATCH = "The ETag of the version you read; a different current version answers 412";
    public static final String IDEMPOTENCY_KEY = "Any unique string; a retried create with the same key and body returns the first result instead of creating again";

    private ApiResponsesDoc() {
    }
}
