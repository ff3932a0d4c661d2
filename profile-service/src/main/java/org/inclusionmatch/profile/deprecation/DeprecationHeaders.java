package org.inclusionmatch.profile.deprecation;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Adds the deprecation headers of a {@link DeprecatedOperation} to every answer of it, errors included. */
public class DeprecationHeaders {

    @ServerResponseFilter
    public void headers(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        DeprecatedOperation deprecated = method.getAnnotation(DeprecatedOperation.class);
        if (deprecated == null) {
            deprecated = resource.getResourceClass().getAnnotation(DeprecatedOperation.class);
        }
        if (deprecated == null) {
            return;
        }
        response.getHeaders().putSingle("Deprecation", deprecation(deprecated));
        response.getHeaders().putSingle("Sunset", sunset(deprecated));
        response.getHeaders().add("Link", "<" + deprecated.link() + ">; rel=\"deprecation\"; type=\"text/html\"");
    }

    /** RFC 9745: a Structured Field Date, seconds since the epoch after "@". */
    static String deprecation(DeprecatedOperation deprecated) {
        return "@" + LocalDate.parse(deprecated.since()).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** RFC 8594: an HTTP-date, as IMF-fixdate (two-digit day; RFC_1123_DATE_TIME would write "1 Jun"). */
    static String sunset(DeprecatedOperation deprecated) {
        return HTTP_DATE.format(LocalDate.parse(deprecated.sunset()).atStartOfDay(ZoneOffset.UTC));
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
}
