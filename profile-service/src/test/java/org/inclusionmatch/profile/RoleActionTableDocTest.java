package org.inclusionmatch.profile;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.inclusionmatch.profile.security.Roles;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × action table in docs/partners.md is rendered here from the resource methods' access rules (the same
 * annotations Quarkus enforces and {@link EveryEndpointHasARuleTest} scans): a new operation or a changed rule fails
 * until the page shows it. Replace the table under "Who may call what" with what this test prints.
 */
class RoleActionTableDocTest {

    static final java.nio.file.Path DOC = java.nio.file.Path.of("../docs/partners.md");
    static final String HEADING = "## Who may call what\n\n";
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.CASEWORKER, Roles.PARTNER, Roles.MATCHER, Roles.AUDITOR);
    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class);
    private static final String BASE = "/api/v1";

    record Row(String path, int verb, String method, String operationId, Set<String> roles) {
        String markdown() {
            StringBuilder row = new StringBuilder("| `").append(method).append(' ').append(path).append("` | `")
                    .append(operationId).append("` |");
            for (String role : ROLES) {
                row.append(roles.contains(role) ? " ✓ |" : " |");
            }
            return row.append('\n').toString();
        }
    }

    @Test
    void thePartnersGuideShowsWhoMayCallEachOperationAsTheCodeHasIt() throws Exception {
        String table = markdown();
        String doc = Files.readString(DOC);
        assertThat(doc).as("%s: replace the table under 'Who may call what' with:%n%s", DOC, table)
                .contains(HEADING + table);
    }

    /** Every operation, by path and verb, with the roles its rule lets in (all five for a catalogue read open to any). */
    static String markdown() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Class<?> resource : EveryEndpointHasARuleTest.resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                int verb = verbOf(method);
                if (verb < 0) continue;
                Operation operation = method.getAnnotation(Operation.class);
                assertThat(operation).as("%s.%s has an @Operation", resource.getSimpleName(), method.getName()).isNotNull();
                rows.add(new Row(path(resource, method), verb, VERBS.get(verb).getSimpleName(), operation.operationId(),
                        roles(resource, method)));
            }
        }
        rows.sort(Comparator.comparing(Row::path).thenComparing(Row::verb));
        StringBuilder table = new StringBuilder("| operation (`/api/v1`) | operationId | " + String.join(" | ", ROLES) + " |\n");
        table.append("|---|---|").append("---|".repeat(ROLES.size())).append('\n');
        rows.forEach(row -> table.append(row.markdown()));
        return table.toString();
    }

    private static int verbOf(Method method) {
        for (int i = 0; i < VERBS.size(); i++) {
            if (method.isAnnotationPresent(VERBS.get(i))) return i;
        }
        return -1;
    }

    private static String path(Class<?> resource, Method method) {
        String path = "/" + strip(resource.getAnnotation(Path.class).value());
        Path sub = method.getAnnotation(Path.class);
        if (sub != null && !strip(sub.value()).isEmpty()) {
            path += "/" + strip(sub.value());
        }
        assertThat(path).startsWith(BASE);
        return path.substring(BASE.length());
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    /** As Quarkus applies them: the method's rule replaces the class's. */
    private static Set<String> roles(Class<?> resource, Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        boolean any = method.isAnnotationPresent(Authenticated.class);
        if (allowed == null && !any) {
            allowed = resource.getAnnotation(RolesAllowed.class);
            any = resource.isAnnotationPresent(Authenticated.class);
        }
        if (any) return Set.copyOf(ROLES);
        assertThat(allowed).as("%s.%s names its roles (EveryEndpointHasARuleTest)", resource.getSimpleName(), method.getName())
                .isNotNull();
        return Set.copyOf(Arrays.asList(allowed.value()));
    }
}
