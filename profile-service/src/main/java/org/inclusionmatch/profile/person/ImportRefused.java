package org.inclusionmatch.profile.person;

import org.inclusionmatch.profile.common.ApiException;

import java.util.List;

/** An import refused as a whole: a body of another type (415) or over the import's limits (413). */
final class ImportRefused extends ApiException {

    private ImportRefused(int status, String slug, String title, String detail) {
        super(status, slug, title, detail, List.of());
    }

    static ImportRefused unsupportedType() {
        return new ImportRefused(415, "unsupported-media-type", "Unsupported Media Type",
                "Send the import as " + PersonImport.NDJSON + ": one JSON object per line");
    }

    static ImportRefused tooLarge(String detail) {
        return new ImportRefused(413, "payload-too-large", "Payload too large", detail);
    }
}
