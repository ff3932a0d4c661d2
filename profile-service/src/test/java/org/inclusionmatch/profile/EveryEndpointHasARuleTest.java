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
import org.inclusionmatch.profile.security.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST operation names who may call it. The service also denies unannotated endpoints at run time
 * (quarkus.security.jaxrs.deny-unannotated-endpoints); this test makes a forgotten or too open rule fail the
 * build instead. Naming the roles is the rule: {@code @PermitAll} opens an operation to anyone with no token at
 * all and is refused everywhere; {@code @Authenticated} (any valid token, any role) is allowed only on the
 * catalogue reads listed below, which hold no person data.
 */
class EveryEndpointHasARuleTest {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
    private static final List<Class<? extends Annotation>> RULES = List.of(RolesAllowed.class, Authenticated.class,
            PermitAll.class, DenyAll.class);
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER, Roles.MATCHER, Roles.AUDITOR);
    /** Reads of the public catalogue, open to any role: the only operations that may be {@code @Authenticated}. */
    private static final Set<String> OPEN_TO_ANY_ROLE = Set.of(
            "OrganisationResource.list", "OrganisationResource.get",
            "ProgrammeResource.list", "ProgrammeResource.get",
            "MeasureResource.list", "MeasureResource.get",
            "VocabularyResource.all", "VocabularyResource.list",
            "HsdsExportResource.meta", "HsdsExportResource.services", "HsdsExportResource.organizations");

    @Test
    void everyOperationNamesTheRolesThatMayCallIt() throws Exception {
        List<String> operations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (VERBS.stream().noneMatch(method::isAnnotationPresent)) continue;
                String name = resource.getSimpleName() + "." + method.getName();
                operations.add(name);
                problems.addAll(problemsOf(name, method, resource));
            }
        }
        assertThat(operations).hasSizeGreaterThan(20).contains("PersonResource.create");
        assertThat(operations).as("the open catalogue reads still exist under these names").containsAll(OPEN_TO_ANY_ROLE);
        assertThat(problems).isEmpty();
    }

    /** What is wrong with one operation's rule; empty when it names known roles (or is open by the list above). */
    static List<String> problemsOf(String name, Method method, Class<?> resource) {
        // a rule on the method replaces the class's (as Quarkus applies them)
        List<Annotation> rules = RULES.stream().map(method::getAnnotation).filter(Objects::nonNull).map(Annotation.class::cast).toList();
        if (rules.isEmpty()) {
            rules = RULES.stream().map(resource::getAnnotation).filter(Objects::nonNull).map(Annotation.class::cast).toList();
        }
        if (rules.isEmpty()) {
            return List.of(name + ": no access rule");
        }
        if (rules.size() > 1) {
            return List.of(name + ": more than one access rule " + rules);
        }
        Annotation rule = rules.get(0);
        if (rule instanceof PermitAll) {
            return List.of(name + ": @PermitAll lets anyone in without a token");
        }
        if (rule instanceof Authenticated && !OPEN_TO_ANY_ROLE.contains(name)) {
            return List.of(name + ": @Authenticated lets every role in; name the roles with @RolesAllowed");
        }
        if (rule instanceof RolesAllowed allowed) {
            if (allowed.value().length == 0) {
                return List.of(name + ": @RolesAllowed names no role");
            }
            List<String> unknown = Arrays.stream(allowed.value()).filter(r -> !KNOWN_ROLES.contains(r)).toList();
            if (!unknown.isEmpty()) {
                return List.of(name + ": unknown roles " + unknown);
            }
        }
        return List.of();
    }

    /** The check itself must catch each way a rule can be missing or too open. */
    @Test
    void theCheckRefusesMissingAndOpenRules() throws Exception {
        assertThat(problemsOf("Probe.none", Probe.class.getDeclaredMethod("none"), Probe.class)).singleElement()
                .asString().contains("no access rule");
        assertThat(problemsOf("Probe.permitAll", Probe.class.getDeclaredMethod("permitAll"), Probe.class)).singleElement()
                .asString().contains("@PermitAll");
        assertThat(problemsOf("Probe.authenticated", Probe.class.getDeclaredMethod("authenticated"), Probe.class)).singleElement()
                .asString().contains("@Authenticated");
        assertThat(problemsOf("Probe.unknownRole", Probe.class.getDeclaredMethod("unknownRole"), Probe.class)).singleElement()
                .asString().contains("unknown roles");
        assertThat(problemsOf("Probe.named", Probe.class.getDeclaredMethod("named"), Probe.class)).isEmpty();
        assertThat(problemsOf("Probe.inherited", OpenProbe.class.getDeclaredMethod("inherited"), OpenProbe.class)).singleElement()
                .asString().contains("@PermitAll");
        assertThat(problemsOf("OrganisationResource.get", Probe.class.getDeclaredMethod("authenticated"), Probe.class)).isEmpty();
    }

    @SuppressWarnings("unused")
    static class Probe {
        @GET void none() { }
        @GET @PermitAll void permitAll() { }
        @GET @Authenticated void authenticated() { }
        @GET @RolesAllowed("ROOT") void unknownRole() { }
        @GET @RolesAllowed(Roles.AUDITOR) void named() { }
    }

    @PermitAll
    @SuppressWarnings("unused")
    static class OpenProbe {
        @GET void inherited() { }
    }

    static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
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
