package org.inclusionmatch.profile.opendata;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.i18n.Language;
import org.inclusionmatch.profile.i18n.RequestLanguage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue as open data, in the Open Referral HSDS 3.1 API's shape ({@code /}, {@code /services},
 * {@code /organizations}, pages of {@code contents}). Read-only and without person data, so open to any role,
 * as the catalogue's own reads are. Labels follow {@code Accept-Language}.
 */
@Path("/api/v1/open-data/hsds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open data")
public class HsdsExportResource {

    private final HsdsExportService service;
    private final RequestLanguage requestLanguage;

    public HsdsExportResource(HsdsExportService service, RequestLanguage requestLanguage) {
        this.service = service;
        this.requestLanguage = requestLanguage;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getHsdsMeta", summary = "HSDS API meta information: the HSDS version of this export",
            description = "Open data: the Open Referral HSDS version (3.1) and profile this export follows, as "
                    + "HSDS's API specification asks. Catalogue only, no person data. Roles: any role.")
    public Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", HsdsExportService.HSDS_VERSION);
        meta.put("profile", "https://docs.openreferral.org/en/latest/hsds/overview.html");
        meta.put("openapi_url", "https://raw.githubusercontent.com/openreferral/specification/3.1-dev/schema/openapi.json");
        return meta;
    }

    @GET
    @Path("/services")
    @Authenticated
    @Operation(operationId = "getHsdsServices", summary = "The measures as HSDS services, with organization, program, "
            + "service areas, capacities and attributes; pages from 1",
            description = "Open data: the measures in Open Referral HSDS 3.1 shape, with their organization, "
                    + "program, service areas, capacity and attributes (needs, goals, kind). Paged from 1 with "
                    + "per_page, as HSDS pages. No person data. Roles: any role.")
    @APIResponse(responseCode = "200", description = "An HSDS 3.1 page: total_items, total_pages, page_number, size, "
            + "first_page, last_page, empty and contents, each service as HSDS's compiled service.json schema describes it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response services(@QueryParam("page") @DefaultValue("1") @Min(1) @Max(1_000_000) int page,
                             @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(100) int perPage) {
        Language language = requestLanguage.get();
        return page(service.services(page, perPage, language), language);
    }

    @GET
    @Path("/organizations")
    @Authenticated
    @Operation(operationId = "getHsdsOrganizations", summary = "The organisations as HSDS organizations, with the programs they run; pages from 1",
            description = "Open data: the organisations in Open Referral HSDS 3.1 shape, each with the programs it "
                    + "runs. Paged as HSDS pages, from 1 with per_page (the rest of the API pages from 0). No "
                    + "person data. Roles: any role.")
    @APIResponse(responseCode = "200", description = "An HSDS 3.1 page: total_items, total_pages, page_number, size, "
            + "first_page, last_page, empty and contents, each organization as HSDS's compiled organization.json schema describes it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response organizations(@QueryParam("page") @DefaultValue("1") @Min(1) @Max(1_000_000) int page,
                                  @QueryParam("per_page") @DefaultValue("50") @Min(1) @Max(100) int perPage) {
        Language language = requestLanguage.get();
        return page(service.organizations(page, perPage, language), language);
    }

    /** HSDS's page object. */
    private static Response page(HsdsExportService.Page page, Language language) {
        long totalPages = (page.totalItems() + page.perPage() - 1) / page.perPage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_items", page.totalItems());
        body.put("total_pages", totalPages);
        body.put("page_number", page.pageNumber());
        body.put("size", page.contents().size());
        body.put("first_page", page.pageNumber() == 1);
        body.put("last_page", page.pageNumber() >= totalPages);
        body.put("empty", page.contents().isEmpty());
        body.put("contents", page.contents());
        return Response.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build();
    }
}
