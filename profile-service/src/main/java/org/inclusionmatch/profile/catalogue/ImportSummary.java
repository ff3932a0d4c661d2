package org.inclusionmatch.profile.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many records of each kind an import created, updated or found unchanged. */
@Schema(name = "ImportSummary")
public record ImportSummary(Counts organisations, Counts programmes, Counts measures) {

    @Schema(name = "ImportCounts")
    public record Counts(int created, int updated, int unchanged) {

        Counts plus(CatalogueImporter.Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged);
                case UPDATED -> new Counts(created, updated + 1, unchanged);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1);
            };
        }
    }

    static final Counts NONE = new Counts(0, 0, 0);
}
