package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.Path;
import org.inclusionmatch.profile.deprecation.DeprecatedOperation;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A deprecated operation says so in Deprecation, Sunset and Link headers; the notice is never shorter than the policy. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class DeprecationTest {

    @Test
    void aDeprecatedOperationAnswersWithDeprecationSunsetAndLink() {
        Api.json().get("/api/v1/test-only/deprecated").then().statusCode(200)
                .header("Deprecation", equalTo("@1795392000")) // 2026-11-23T00:00:00Z
                .header("Sunset", equalTo("Tue, 01 Jun 2027 00:00:00 GMT"))
                .header("Link", containsString("rel=\"deprecation\""));
        Api.json().get("/api/v1/test-only/deprecated/missing").then().statusCode(404)
                .header("Deprecation", equalTo("@1795392000")).header("Sunset", containsString("2027"));
        Api.json().get("/api/v1/test-only/deprecated/current").then().statusCode(200)
                .header("Deprecation", nullValue()).header("Sunset", nullValue());
        Api.json().get("/api/v1/measures").then().statusCode(200).header("Deprecation", nullValue());
    }

    /** Over the service's own operations (target/classes): any deprecation gives at least the policy's notice. */
    @Test
    void everyDeprecationGivesAtLeastThePolicysNotice() throws Exception {
        List<AnnotatedElement> deprecated = new ArrayList<>();
        for (Class<?> type : classes("target/classes")) {
            if (!type.isAnnotationPresent(Path.class)) continue;
            deprecated.add(type);
            deprecated.addAll(List.of(type.getDeclaredMethods()));
        }
        deprecated.addAll(List.of(org.inclusionmatch.profile.deprecation.DeprecatedTestResource.class.getDeclaredMethods()));
        int checked = 0;
        for (AnnotatedElement element : deprecated) {
            DeprecatedOperation operation = element.getAnnotation(DeprecatedOperation.class);
            if (operation == null) continue;
            checked++;
            LocalDate since = LocalDate.parse(operation.since());
            LocalDate sunset = LocalDate.parse(operation.sunset());
            assertThat(sunset).as(element + " sunset").isAfterOrEqualTo(since.plusMonths(DeprecatedOperation.MINIMUM_NOTICE_MONTHS));
            assertThat(element.isAnnotationPresent(Deprecated.class) || (element instanceof Method m
                    && m.getDeclaringClass().isAnnotationPresent(Deprecated.class)))
                    .as(element + " is also @Deprecated, for the OpenAPI document").isTrue();
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    private static List<Class<?>> classes(String root) throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(root);
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                found.add(Class.forName(name, false, DeprecationTest.class.getClassLoader()));
            }
        }
        return found;
    }
}
