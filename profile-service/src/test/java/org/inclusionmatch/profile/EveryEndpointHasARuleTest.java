package org.inclusionmatch.profile;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST operation names who may call it. The service also denies unannotated endpoints at run time
 * (quarkus.security.jaxrs.deny-unannotated-endpoints); this test makes a forgotten rule fail the build instead.
 */
class EveryEndpointHasARuleTest {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
    private static final List<Class<? extends Annotation>> RULES = List.of(RolesAllowed.class, Authenticated.class,
            PermitAll.class, DenyAll.class);

    @Test
    void everyOperationHasAnAccessRule() throws Exception {
        List<String> operations = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (VERBS.stream().noneMatch(method::isAnnotationPresent)) continue;
                String name = resource.getSimpleName() + "." + method.getName();
                operations.add(name);
                if (RULES.stream().noneMatch(rule -> method.isAnnotationPresent(rule) || resource.isAnnotationPresent(rule))) {
                    unguarded.add(name);
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(20);
        assertThat(unguarded).as("operations without @RolesAllowed/@Authenticated/@PermitAll").isEmpty();
        assertThat(operations).noneMatch(o -> o.contains("PermitAll"));
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EveryEndpointHasARuleTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}
