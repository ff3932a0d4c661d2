package org.inclusionmatch.profile.common.validation;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the matched operation does not take is a 400 naming it, on every operation: {@code GET
 * /measures?id=...} would otherwise ignore the misspelt filter and answer with every measure. An operation takes the
 * parameters its method declares ({@code @QueryParam}, {@code @RestQuery}, and those of its {@code @BeanParam}s, such
 * as page and size) and the ones it documents with {@code @Parameter(in = QUERY)} that a filter reads before
 * matching (the reports' {@code format}, see report.ReportFormatParameter): exactly what the OpenAPI document lists.
 * Nothing else passes anywhere; the language is chosen by Accept-Language, never by a parameter. Runs after the
 * caller is authenticated and authorised (a 401 or 403 comes first) and before any parameter is read.
 */
public class KnownQueryParameters {

    /** Unknown names shown in one answer, each cut to this length: the answer never echoes a whole hostile query. */
    private static final int MAX_SHOWN = 10;
    private static final int MAX_NAME_LENGTH = 64;

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> takes = known.computeIfAbsent(method, m -> of(resource.getResourceClass(), m));
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(takes);
        if (!unknown.isEmpty()) {
            throw refusal(unknown, takes);
        }
    }

    /** The query parameters an operation takes: declared on the method, its bean parameters, the class, or documented. */
    public static Set<String> of(Class<?> resourceClass, Method method) {
        TreeSet<String> names = new TreeSet<>();
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (java.lang.reflect.Parameter parameter : parameters) {
            String name = queryName(parameter, parameter.getName());
            if (name != null) {
                names.add(name);
            } else if (parameter.isAnnotationPresent(BeanParam.class) || !parameter.getType().getName().startsWith("java")
                    && Arrays.stream(parameter.getAnnotations()).noneMatch(KnownQueryParameters::isJaxRs)) {
                beanParameters(parameter.getType(), names, new ArrayList<>());
            }
        }
        if (resourceClass != null) {
            beanParameters(resourceClass, names, new ArrayList<>()); // fields of the resource itself
        }
        documented(method, names);
        return Collections.unmodifiableSortedSet(names);
    }

    /** The @QueryParam or @RestQuery fields and setters of a bean parameter class (and of its own bean parameters). */
    private static void beanParameters(Class<?> type, Set<String> names, List<Class<?>> seen) {
        if (type == null || type == Object.class || type.isPrimitive() || type.isArray() || seen.contains(type)) {
            return;
        }
        seen.add(type);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                String name = queryName(field, field.getName());
                if (name != null) {
                    names.add(name);
                } else if (field.isAnnotationPresent(BeanParam.class)) {
                    beanParameters(field.getType(), names, seen);
                }
            }
            for (Method setter : c.getDeclaredMethods()) {
                String name = queryName(setter, setter.getName().startsWith("set") && setter.getName().length() > 3
                        ? Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4) : setter.getName());
                if (name != null) {
                    names.add(name);
                }
            }
        }
    }

    private static String queryName(AnnotatedElement element, String defaultName) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = element.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? defaultName : rest.value();
        }
        return null;
    }

    private static boolean isJaxRs(Annotation annotation) {
        String name = annotation.annotationType().getPackageName();
        return name.startsWith("jakarta.ws.rs") || name.startsWith("org.jboss.resteasy.reactive");
    }

    /** Parameters documented on the method as query parameters (read by a filter, not by the method). */
    private static void documented(Method method, Set<String> names) {
        List<Parameter> documented = new ArrayList<>(Arrays.asList(method.getAnnotationsByType(Parameter.class)));
        Parameters container = method.getAnnotation(Parameters.class);
        if (container != null) {
            documented.addAll(Arrays.asList(container.value()));
        }
        for (Parameter parameter : documented) {
            if (parameter.in() == ParameterIn.QUERY && !parameter.name().isEmpty() && !parameter.hidden()) {
                names.add(parameter.name());
            }
        }
    }

    private static InvalidInput refusal(Set<String> unknown, Set<String> takes) {
        List<String> shown = unknown.stream().limit(MAX_SHOWN).map(KnownQueryParameters::shown).toList();
        String known = takes.isEmpty() ? "none" : String.join(", ", takes);
        // the names quoted: a name the caller made up is never taken for a word the Latvian text translates
        String detail = "Unknown query parameters: " + String.join(", ", shown.stream().map(name -> "'" + name + "'").toList())
                + (unknown.size() > MAX_SHOWN ? " (and " + (unknown.size() - MAX_SHOWN) + " more)" : "")
                + ". This operation takes: " + known;
        return InvalidInput.fields(null, detail, shown.stream()
                .map(name -> new InvalidInput.FieldError(name, "is not a query parameter of this operation (it takes: " + known + ")"))
                .toList());
    }

    /** A name as the answer shows it: printable, and not longer than a name needs to be. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(MAX_NAME_LENGTH)
                .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return name.codePointCount(0, name.length()) > MAX_NAME_LENGTH ? shown + "..." : shown.toString();
    }
}
