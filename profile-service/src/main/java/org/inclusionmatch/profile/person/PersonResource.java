package org.inclusionmatch.profile.person;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.audit.PersonWritesLog;
import org.inclusionmatch.profile.common.http.ApiResponsesDoc;
import org.inclusionmatch.profile.common.http.Versions;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.domain.UnsupportedFormat;
import org.inclusionmatch.profile.security.Caller;
import org.inclusionmatch.profile.security.Roles;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.sql.SQLException;
import java.util.UUID;

import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.CREATE;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.DELETE;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.IMPORT;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.LIST;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.READ;
import static org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation.UPDATE;

/** Person profiles of the caller's organisation. Every call is audited, allowed or not. */
@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Persons")
public class PersonResource {

    private final PersonService service;
    private final PersonImport importer;
    private final Caller caller;

    public PersonResource(PersonService service, PersonImport importer, Caller caller) {
        this.service = service;
        this.importer = importer;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = CREATE)
    @Operation(operationId = "createPerson", summary = "Create a person profile in your organisation",
            description = "Records a person in the caller's organisation (from the token). legalBasis is required; "
                    + "target groups may be special-category data and never leave the service in events. The "
                    + "matching worker computes the recommendations a moment later (GET "
                    + "/persons/{id}/recommendations). Idempotency-Key makes a retry safe; 201 with Location "
                    + "and ETag. Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonRequest.class), example = """
                {
                  "role": "PARTICIPANT",
                  "archetype": "SURVIVOR",
                  "birthYear": 1969,
                  "gender": "MALE",
                  "region": "RIGA",
                  "municipality": "Rīga",
                  "targetGroups": [
                    "FORMER_PRISONER",
                    "LONG_TERM_UNEMPLOYED"
                  ],
                  "needs": [
                    "HOUSING",
                    "FIRST_JOB",
                    "DIGITAL_SKILLS"
                  ],
                  "goals": [
                    "OPEN_LABOUR_MARKET"
                  ],
                  "languages": [
                    "lv",
                    "ru"
                  ],
                  "legalBasis": {
                    "basis": "OFFICIAL_AUTHORITY",
                    "reference": "Probation Law, section 6"
                  },
                  "matchingAllowed": true,
                  "externalRef": "VPD-2026-00417"
                }
                """))
    @APIResponse(responseCode = "201", description = ApiResponsesDoc.CREATED,
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class)))
    public RestResponse<PersonView> create(@NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           UriInfo uri) {
        PersonView created = service.create(caller.requireOrganisation(), writer(), request, idempotencyKey);
        return Versions.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created, created.version());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD) // any type reaches the method, which answers a 415 that names the one it reads
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = IMPORT)
    @Operation(operationId = "importPersons", summary = "Create or update many persons of your organisation by externalRef",
            description = "Three formats, by Content-Type. NDJSON (" + PersonImport.NDJSON + "): one JSON object per line, "
                    + "each a body as for POST /persons with a required externalRef; blank lines are skipped. CSV ("
                    + PersonImport.CSV + "; UTF-8, with or without a byte order mark; comma or semicolon separated, as the "
                    + "header row shows; quoted cells) and XLSX (its first sheet): the first row is the header, naming each "
                    + "column in English (the JSON field, as externalRef or \"birth year\") or in Latvian (\"ārējā atsauce\", "
                    + "\"dzimšanas gads\"), case and spaces ignored; see the column table in the import guide. An empty cell "
                    + "leaves the field out; targetGroups, needs, goals and languages are lists separated by commas or "
                    + "semicolons; codes in any case; matchingAllowed as true/false, jā/nē, yes/no or 1/0; dates as "
                    + "yyyy-mm-dd or, in XLSX, date cells. An unknown or repeated column is a 400. A row is numbered as the "
                    + "spreadsheet shows it: the header is row 1. "
                    + "The body is read as it arrives and stored in batches, so a long file needs "
                    + "little memory. An unknown externalRef is created, a known one updated when anything differs "
                    + "(version + 1) and otherwise left alone, so importing the same file again changes nothing. Each line "
                    + "is checked as POST /persons checks a body; a refused line is reported by its number and the good "
                    + "lines are kept, or with atomic=true any refused line stores nothing (422). An externalRef may appear "
                    + "once per file. With dryRun=true every line is checked and looked up the same way and nothing is "
                    + "stored: the report says what the import would do. The answer comes when everything is committed. "
                    + "Each created or updated person gets "
                    + "its PERSON_CREATED or PERSON_UPDATED event and an audit entry. At most 200,000 lines or rows, the "
                    + "header row counted (413 beyond: the batches before stay stored unless atomic), 64 KiB per line and "
                    + "per CSV cell (413 beyond), an XLSX body of at most 50 MiB expanding to at most 256 MiB (413 beyond)."
                    + " Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = {
            @Content(mediaType = PersonImport.NDJSON, schema = @Schema(implementation = PersonRequest.class),
                    example = "{\"externalRef\":\"CASE-17\",\"role\":\"PARTICIPANT\",\"archetype\":\"GROWTH_ORIENTED\",\"birthYear\":1992,"
                            + "\"gender\":\"FEMALE\",\"region\":\"PIERIGA\",\"municipality\":\"Sigulda\",\"needs\":[\"DIGITAL_SKILLS\"],"
                            + "\"legalBasis\":{\"basis\":\"CONSENT\",\"consentDate\":\"2026-11-20\"},\"matchingAllowed\":true}\n"),
            @Content(mediaType = PersonImport.CSV,
                    schema = @Schema(type = SchemaType.STRING, maxLength = Integer.MAX_VALUE, description = "UTF-8 text; the first row "
                            + "names the columns. Read as a stream: bounded by its rows (200,000) and cells (64 KiB), the length only nominally"),
                    example = "lietas nr.;loma;arhetips;dzimšanas gads;dzimums;reģions;pašvaldība;vajadzības;tiesiskais pamats;"
                            + "piekrišanas datums;atlase atļauta\n"
                            + "CASE-17;PARTICIPANT;GROWTH_ORIENTED;1992;FEMALE;PIERIGA;Sigulda;\"DIGITAL_SKILLS, CAREER_GUIDANCE\";"
                            + "CONSENT;2026-11-20;jā\n"),
            @Content(mediaType = PersonImport.XLSX,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 50 * 1024 * 1024,
                            description = "An .xlsx workbook; its first sheet's first row names the columns, as in CSV"),
                    example = "(the bytes of an .xlsx workbook: row 1 lietas nr. | loma | arhetips | ..., row 2 CASE-17 | "
                            + "PARTICIPANT | GROWTH_ORIENTED | ...)")})
    @APIResponse(responseCode = "200", description = "Everything is committed (or, in a dry run, nothing is); the counts and the refused lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Bad Request; among others a CSV or XLSX body that is not one, or whose header "
            + "names an unknown or repeated column, or has no externalRef column")
    @APIResponse(responseCode = "413", description = "More lines than the import takes (200,000): it stopped there; "
            + "or a CSV cell, an XLSX workbook or what it expands to is larger than its limit")
    @APIResponse(responseCode = "415", description = "The body is none of " + PersonImport.NDJSON + ", " + PersonImport.CSV
            + ", " + PersonImport.XLSX)
    @APIResponse(responseCode = "422", description = "atomic=true and some lines are refused: nothing was stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ImportRejected.class)))
    public Response importPersons(InputStream body,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @QueryParam("atomic") @DefaultValue("false")
                                  @Parameter(description = "true: all or nothing, any refused line stores nothing (422)") boolean atomic,
                                  @QueryParam("dryRun") @DefaultValue("false")
                                  @Parameter(description = "true: check every line and say what would be created, updated "
                                          + "or left unchanged, storing nothing (no person, event or audit entry)") boolean dryRun) {
        PersonImport.Format format = format(contentType);
        UUID organisation = caller.requireOrganisation();
        PersonImport.Outcome outcome = importer.importPersons(organisation,
                new PersonWritesLog.Writer(caller.subject(), caller.roles(), organisation), format, body, atomic, dryRun);
        if (!outcome.stored()) {
            return Response.status(422).type("application/problem+json").entity(ImportRejected.of(outcome.report())).build();
        }
        return Response.ok(outcome.report(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The import's format by the body's media type (parameters such as charset ignored); else a 415 naming the three. */
    private static PersonImport.Format format(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
            if (type != null && !type.isWildcardType() && !type.isWildcardSubtype()) {
                for (PersonImport.Format format : PersonImport.Format.values()) {
                    if (type.isCompatible(MediaType.valueOf(format.mediaType))) {
                        String charset = type.getParameters().get("charset");
                        if (format == PersonImport.Format.CSV && charset != null && !charset.equalsIgnoreCase("utf-8")) {
                            throw new UnsupportedFormat("Send the CSV as UTF-8 text (charset=utf-8), not as " + Problem.cut(charset, 40));
                        }
                        return format;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not a media type: the 415 below
        }
        throw new UnsupportedFormat("Send the import as " + PersonImport.NDJSON + " (one JSON object per line), "
                + PersonImport.CSV + " or " + PersonImport.XLSX + " (a header row, then one person per row)");
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = LIST)
    @Operation(operationId = "listPersons", summary = "List your organisation's person profiles, filtered and paged",
            description = "Your organisation's persons only (organisationId only ever narrows to your own), "
                    + "filtered by role, archetype, region, targetGroup or need, paged (page from 0, size "
                    + "1-100, total, Link headers). Each returned person is a read in the audit log. Roles: "
                    + "ADMIN, CASEWORKER, PARTNER.")
    public PageResult<PersonView> list(@QueryParam("organisationId") @Parameter(description = "Only ever narrows to your own organisation") UUID organisationId,
                                       @QueryParam("role") @Parameter(description = "PARTICIPANT, SUPPORT_PERSON or FACILITATOR") Role role,
                                       @QueryParam("archetype") Archetype archetype,
                                       @QueryParam("region") Region region,
                                       @QueryParam("targetGroup") @Parameter(description = "e.g. OVER_50") String targetGroup,
                                       @QueryParam("need") @Parameter(description = "e.g. HOUSING") String need,
                                       @Valid @BeanParam PageParams page) {
        return service.list(caller.requireOrganisation(), new PersonService.PersonFilter(organisationId,
                role, archetype, region, targetGroup, need), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER})
    @AuditedPersonAccess(operation = READ)
    @Operation(operationId = "getPerson", summary = "Read one person profile",
            description = "One person of your organisation, with the version as ETag (If-None-Match gives 304). "
                    + "Another organisation's person is a 404, also for the provider of their referral, which "
                    + "reads GET /referrals/{id} instead. Recorded in the audit log. Roles: ADMIN, CASEWORKER, "
                    + "PARTNER.")
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.READ,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class)))
    public RestResponse<PersonView> get(@PathParam("id") UUID id) throws SQLException {
        PersonView view = service.get(caller.requireOrganisation(), id);
        return Versions.ok(view, view.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = UPDATE)
    @Operation(operationId = "updatePerson", summary = "Replace a person profile",
            description = "Replaces the whole profile: a field left out is cleared, except personalCode, which is kept "
                    + "(write-only; DELETE /persons/{id}/personal-code removes it). If-Match with the ETag is "
                    + "required (428 without it, 412 when stale). The new version is matched again; "
                    + "recommendations computed from an older version are refused. Roles: ADMIN, CASEWORKER.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PersonRequest.class), example = """
                {
                  "role": "PARTICIPANT",
                  "archetype": "SURVIVOR",
                  "birthYear": 1969,
                  "gender": "MALE",
                  "region": "PIERIGA",
                  "municipality": "Jūrmala",
                  "targetGroups": [
                    "FORMER_PRISONER",
                    "LONG_TERM_UNEMPLOYED"
                  ],
                  "needs": [
                    "FIRST_JOB",
                    "DIGITAL_SKILLS"
                  ],
                  "goals": [
                    "OPEN_LABOUR_MARKET"
                  ],
                  "languages": [
                    "lv",
                    "ru"
                  ],
                  "legalBasis": {
                    "basis": "OFFICIAL_AUTHORITY",
                    "reference": "Probation Law, section 6"
                  },
                  "matchingAllowed": true,
                  "externalRef": "VPD-2026-00417"
                }
                """))
    @APIResponse(responseCode = "200", description = ApiResponsesDoc.UPDATED,
            headers = {@Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonView.class)))
    public RestResponse<PersonView> update(@PathParam("id") UUID id, @NotNull @Valid PersonRequest request,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        PersonView view = service.update(caller.requireOrganisation(), writer(), id, request, Versions.requireIfMatch(ifMatch));
        return Versions.ok(view, view.version());
    }

    @DELETE
    @Path("{id}/personal-code")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = UPDATE)
    @Operation(operationId = "removePersonalCode", summary = "Remove a person's personal code",
            description = "Removes the recorded personal code, and with it the link to the same person's records in other "
                    + "organisations. The profile's version rises (personalCodeRecorded false) and PERSON_UPDATED is "
                    + "published; without a recorded code nothing changes. The audit log records who removed it. If-Match "
                    + "with the person's ETag is required (428 without it, 412 when stale); read the person again for the "
                    + "new ETag. Roles: ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> removePersonalCode(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.removePersonalCode(caller.requireOrganisation(), writer(), id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }

    /** The caller as the audit log records a writer. */
    private PersonWritesLog.Writer writer() {
        return new PersonWritesLog.Writer(caller.subject(), caller.roles(), caller.requireOrganisation());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CASEWORKER})
    @AuditedPersonAccess(operation = DELETE)
    @Operation(operationId = "erasePerson", summary = "Erase a person and everything derived from them",
            description = "GDPR erasure: the profile, recommendations and other derived data are deleted and a deletion "
                    + "event is published. Only the audit trail (ids and operations, no personal data) remains."
                    + " If-Match with the person's ETag is required (428 without it, 412 when stale). Roles: "
                    + "ADMIN, CASEWORKER.")
    @APIResponse(responseCode = "204", description = ApiResponsesDoc.DELETED)
    public RestResponse<Void> delete(@PathParam("id") UUID id,
                           @Parameter(description = ApiResponsesDoc.IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch) {
        service.delete(caller.requireOrganisation(), id, Versions.requireIfMatch(ifMatch));
        return Versions.noContent();
    }
}
