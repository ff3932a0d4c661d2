package org.inclusionmatch.profile.i18n;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.inclusionmatch.profile.domain.NotFound;

/**
 * The codes a form needs, with their labels. Any role may read it (no person data); answers carry an entity tag
 * and may be kept for an hour, and {@code If-None-Match} with the current tag is answered 304.
 */
@Path("/api/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary")
public class VocabularyResource {

    private static final int MAX_AGE_SECONDS = 3600;

    private final Vocabulary vocabulary;
    private final RequestLanguage requestLanguage;

    public VocabularyResource(Vocabulary vocabulary, RequestLanguage requestLanguage) {
        this.vocabulary = vocabulary;
        this.requestLanguage = requestLanguage;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getVocabulary", summary = "Every code list a form needs, with Latvian and English labels",
            description = "label is in the language of Accept-Language (lv or en; Latvian when absent or neither), "
                    + "labels has every language. Send the ETag back in If-None-Match: 304 while unchanged."
                    + " Roles: any role.")
    @Parameter(name = "Accept-Language", in = ParameterIn.HEADER, example = "lv",
            description = "lv or en, with q-values; Latvian when absent or when it names neither",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "Every code list",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", schema = @Schema(type = SchemaType.STRING, enumeration = {"lv", "en"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Vocabulary.VocabularyView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response all(@Context Request request) {
        Language language = requestLanguage.get();
        return cacheable(request, language, vocabulary.tag(language), vocabulary.all(language));
    }

    @GET
    @Path("/{codeList}")
    @Authenticated
    @Operation(operationId = "getCodeList", summary = "One code list (needs, goals, targetGroups, regions, archetypes, ...)",
            description = "Each archetype says the role it belongs to (role): a person's archetype must belong to their "
                    + "role, so a form can offer only the archetypes of the chosen role."
                    + " Roles: any role.")
    @Parameter(name = "Accept-Language", in = ParameterIn.HEADER, example = "lv",
            description = "lv or en, with q-values; Latvian when absent or when it names neither",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The code list",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", schema = @Schema(type = SchemaType.STRING, enumeration = {"lv", "en"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Vocabulary.CodeListView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response list(@PathParam("codeList") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                                 "needs", "goals", "targetGroups", "regions", "roles", "archetypes", "genders", "legalBases",
                                 "measureKinds", "organisationKinds", "enrolmentStatuses", "enrolmentReasons", "referralDeclineReasons",
                                 "outcomeStatuses", "decisions", "declineReasons", "reasonCodes", "allocationRoundStatuses",
                                 "allocationObjectives", "allocationReasons", "fairnessStages", "fairnessDimensions", "ageBands",
                                 "shareCategories", "consentStatuses", "recommendationStatuses", "webhookEventTypes",
                                 "webhookEndpointStatuses"})) String name,
                         @Context Request request) {
        Language language = requestLanguage.get();
        Vocabulary.CodeListView list = vocabulary.list(language, name)
                .orElseThrow(() -> NotFound.absent("Code list", name.matches("[A-Za-z]{1,40}") ? name : "?"));
        return cacheable(request, language, vocabulary.tag(list), list);
    }

    private static Response cacheable(Request request, Language language, String tag, Object body) {
        EntityTag etag = new EntityTag(tag);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body);
        return answer.tag(etag).cacheControl(cache).header(HttpHeaders.CONTENT_LANGUAGE, language.tag()).build();
    }
}
