package org.inclusionmatch.profile.common.http;

/** Shared texts for the OpenAPI document. */
public final class ApiResponsesDoc {
    public static final String IF_MATCH = "Required: the ETag of the version you read (or * to overwrite whatever is "
            + "current). Without it the answer is 428; a version that is no longer current answers 412";
    /** Where If-Match is taken but not required: a move checked against the current state under a lock anyway. */
    public static final String IF_MATCH_OPTIONAL = "Optional: the ETag of the version you read. With it, a version that is "
            + "no longer current answers 412; without it the move is checked against the current status (409 when it no "
            + "longer applies), so two moves at the same moment never both apply";
    public static final String IDEMPOTENCY_KEY = "Any unique string; a retried create with the same key and body returns the first result instead of creating again";
    public static final String CREATED = "Created: the new record, its URL in Location and its version in ETag";
    public static final String READ = "The record, with its version in ETag (send it as If-None-Match for a 304, as If-Match to change it)";
    /** A catalogue list, whose ETag is a digest of the page (see common.cache.CatalogueCache). */
    public static final String PAGE = "The page, with a digest of its content in ETag (send it as If-None-Match for a 304 while nothing on it changed)";
    public static final String UPDATED = "Updated: the record as stored, with its new version in ETag";
    public static final String DELETED = "Deleted";
    /** The name of the ETag header in components/headers (see openapi.HttpSemantics). */
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";

    private ApiResponsesDoc() {
    }
}
