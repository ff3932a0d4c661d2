package org.inclusionmatch.profile.common.paging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8288 {@code Link} headers on every paged list ({@link PageResult}): {@code first}, {@code last}, and
 * {@code prev} / {@code next} where there is such a page; the body keeps {@code page}, {@code size} and
 * {@code total}. The targets are the request's path and query with {@code page} (and {@code size}) set, as
 * path-absolute references, so they stay right behind a proxy that rewrites the host.
 */
public class PageLinks {

    public static final String HEADER = "Link";

    @ServerResponseFilter
    public void links(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && response.getEntity() instanceof PageResult<?> page) {
            response.getHeaders().putSingle(HEADER, header(request.getUriInfo().getRequestUri(), page));
        }
    }

    static String header(URI request, PageResult<?> page) {
        long last = page.total() == 0 ? 0 : (page.total() - 1) / page.size();
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(request, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, last, page.size(), "last"));
        return String.join(", ", links);
    }

    /** The {@code next} link of a keyset-paged list: the request with {@code param} set to {@code next}. */
    public static String keysetNext(URI request, String param, Object next) {
        return "<" + with(request, param, String.valueOf(next)) + ">; rel=\"next\"";
    }

    private static String link(URI request, long page, int size, String rel) {
        return "<" + with(request, "page", Long.toString(page), "size", Integer.toString(size)) + ">; rel=\"" + rel + "\"";
    }

    /** The request's path and query, the named parameters taken out and added at the end with the given values. */
    private static String with(URI request, String... namesAndValues) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            names.add(namesAndValues[i]);
        }
        List<String> query = new ArrayList<>();
        if (request.getRawQuery() != null) {
            for (String pair : request.getRawQuery().split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !names.contains(name)) {
                    query.add(pair);
                }
            }
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i] + "=" + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return request.getRawPath() + "?" + String.join("&", query);
    }
}
