package org.inclusionmatch.profile.i18n;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The language of the current request's answer: the one place that reads {@code Accept-Language}
 * ({@link AcceptLanguage}, with the configured default). Resources, the filter that translates problems and
 * sentences on the way out, and the services that write labels all ask this bean, so one request never answers in two
 * languages.
 */
@RequestScoped
public class RequestLanguage {

    private final HttpServerRequest request;
    private final I18nConfig config;
    private Language chosen;

    public RequestLanguage(HttpServerRequest request, I18nConfig config) {
        this.request = request;
        this.config = config;
    }

    public Language get() {
        if (chosen == null) {
            chosen = AcceptLanguage.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), config.defaultLanguage());
        }
        return chosen;
    }
}
