package org.inclusionmatch.profile.i18n;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.gdpr.PersonExport;
import org.inclusionmatch.profile.measure.MeasureView;
import org.inclusionmatch.profile.person.ImportRejected;
import org.inclusionmatch.profile.person.ImportReport;
import org.inclusionmatch.profile.programme.ProgrammeView;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers in the language the caller asks for ({@link RequestLanguage}). Every {@code /api} answer says that it
 * varies by {@code Accept-Language} (problem documents can come from any operation); an answer with text in a
 * language says which in {@code Content-Language}. Problems and recommendation reasons are translated here, on the
 * way out, so resources and {@code ProblemMappers} keep writing English and know nothing of languages.
 */
public class LanguageFilter {

    private final RequestLanguage requestLanguage;

    public LanguageFilter(RequestLanguage requestLanguage) {
        this.requestLanguage = requestLanguage;
    }

    /** Before {@code ConditionalRequests} (response filters run from the highest priority down), which reads the tag. */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Language language = requestLanguage.get();
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        Object entity = response.getEntity();
        if (entity instanceof Problem problem) {
            response.setEntity(ProblemTexts.in(language, problem));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        } else if (entity instanceof ImportRejected rejected) {
            response.setEntity(ProblemTexts.in(language, rejected));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        } else if (entity instanceof ImportReport report) {
            response.setEntity(ProblemTexts.in(language, report));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        } else if (described(entity, language) instanceof Object rendered && rendered != entity) {
            response.setEntity(rendered);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            if (entity instanceof PageResult<?>) { // a record's tag is its version, which If-Match takes back as it is
                tagPerLanguage(response, language);
            }
        } else if (entity instanceof PersonExport export) {
            response.setEntity(export.withRecommendations(ReasonSentences.kindsLabelled(language, export.recommendations())));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        } else if (entity instanceof RecommendationsView view) {
            response.setEntity(ReasonSentences.in(language, view));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            tagPerLanguage(response, language);
        }
    }

    /** One tag per language: an If-None-Match from a copy in the other language must not get a 304. */
    private static void tagPerLanguage(ContainerResponseContext response, Language language) {
        Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        if (tag != null) {
            String value = tag instanceof EntityTag entityTag ? entityTag.getValue() : tag.toString().replace("\"", "");
            response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(value + "-" + language.tag()));
        }
    }

    /** A measure or programme (or a page of them) with each eligibility rule in plain words; anything else as it is. */
    static Object described(Object entity, Language language) {
        return switch (entity) {
            case MeasureView measure -> measure.withEligibilityDescription(description(language, measure.eligibility()));
            case ProgrammeView programme -> programme.withEligibilityDescription(description(language, programme.eligibility()));
            case PageResult<?> page when !page.items().isEmpty()
                    && (page.items().getFirst() instanceof MeasureView || page.items().getFirst() instanceof ProgrammeView) ->
                    new PageResult<>(page.items().stream().map(item -> described(item, language)).toList(),
                            page.page(), page.size(), page.total());
            case null, default -> entity;
        };
    }

    /** The API's bound on a description (a long rule can describe longer): cut with an ellipsis. */
    static final int MAX_DESCRIPTION = 1000;

    private static String description(Language language, String rule) {
        if (rule == null) {
            return null;
        }
        String description = RuleDescriptions.describeOrGeneral(language, rule);
        return description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION - 1) + "\u2026";
    }
}
