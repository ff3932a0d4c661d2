package org.inclusionmatch.profile.catalogue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.security.Roles;

@Path("/api/v1/catalogue/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogueResource {

    private final CatalogueImporter importer;

    public CatalogueResource(CatalogueImporter importer) {
        this.importer = importer;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importCatalogue",
            summary = "Import organisations, programmes and measures by code",
            description = "Creates new codes, updates changed records, leaves identical ones alone: importing the same file twice changes nothing. All or nothing.")
    public ImportSummary importCatalogue(@NotNull @Valid CatalogueFile file) {
        return importer.importCatalogue(file);
    }
}
