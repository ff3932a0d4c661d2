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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
            description = "Creates new codes, updates changed records, leaves identical ones alone: importing the same file twice changes nothing. All or nothing."
                    + " References between records are by code (provider, operator, funder, programme), so the "
                    + "file needs no ids; the demo catalogue in deploy/local/demo/catalogue.json is one. Roles: "
                    + "ADMIN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CatalogueFile.class), example = """
                {
                  "about": "RB Cafe's work placement in the probation service's resocialisation programme",
                  "organisations": [
                    {
                      "code": "VPD",
                      "name": "State Probation Service",
                      "kind": "STATE_AGENCY",
                      "region": "RIGA"
                    },
                    {
                      "code": "RBCAFE",
                      "name": "RB Cafe",
                      "kind": "WISE",
                      "region": "RIGA"
                    }
                  ],
                  "programmes": [
                    {
                      "code": "RESOC-4346",
                      "name": "Resocialisation of probation clients (measure 4.3.4.6)",
                      "operator": "VPD",
                      "funder": "VPD",
                      "startDate": "2024-01-01",
                      "endDate": "2029-12-31",
                      "capacity": 400,
                      "regions": [
                        "RIGA",
                        "PIERIGA",
                        "VIDZEME",
                        "KURZEME",
                        "ZEMGALE",
                        "LATGALE"
                      ],
                      "eligibility": "person.targetGroups.exists(g, g in ['PROBATION_CLIENT','FORMER_PRISONER'])"
                    }
                  ],
                  "measures": [
                    {
                      "code": "RBCAFE-PLACEMENT",
                      "programme": "RESOC-4346",
                      "provider": "RBCAFE",
                      "kind": "WORK_PLACEMENT",
                      "title": "First job in a social enterprise cafe, as a step to the open labour market",
                      "needs": [
                        "FIRST_JOB",
                        "PROFESSIONAL_SKILLS"
                      ],
                      "regions": [
                        "RIGA"
                      ],
                      "capacity": 4,
                      "seatsTaken": 2
                    }
                  ]
                }
                """))
    public ImportSummary importCatalogue(@NotNull @Valid CatalogueFile file) {
        return importer.importCatalogue(file);
    }
}
