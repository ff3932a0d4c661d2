package org.inclusionmatch.profile.report;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * {@code format=csv} (or {@code format=json}) on the inclusion and fairness reports, for links and spreadsheets that cannot set a
 * header: it stands for the Accept header, and content negotiation does the rest. Any other format means JSON.
 */
public class ReportFormatParameter {

    static final Set<String> PATHS = Set.of("/api/v1/reports/inclusion", "/api/v1/reports/fairness");

    @ServerRequestFilter(preMatching = true)
    public void acceptFromFormat(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null || !PATHS.contains(request.getUriInfo().getPath())) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT,
                "csv".equalsIgnoreCase(format) ? CsvReport.MEDIA_TYPE : MediaType.APPLICATION_JSON);
    }
}
