package org.inclusionmatch.profile.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.MappedSuperclass;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Feature packages depend on each other one way only; HTTP stays in the web layer (resources, providers, exception
 * mappers, filters), and persistence and transactions stay out of it. No servers needed.
 */
class PackageBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inclusionmatch.profile");

    private static final String[] HTTP = {"jakarta.ws.rs..", "org.jboss.resteasy.."};

    /**
     * Resources, providers, classes whose methods RESTEasy calls as mappers or filters (or whose fields it fills),
     * and helpers that only these use (the ETag responses of {@code common.Versions}).
     */
    private static final DescribedPredicate<JavaClass> WEB_LAYER = DescribedPredicate.describe(
            "resources, providers, exception mappers, filters, bean parameters and their own helpers",
            type -> isWebLayer(type) || isOnlyUsedByTheWebLayer(type));

    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe("resources",
            type -> type.isAnnotatedWith(Path.class));

    private static final DescribedPredicate<JavaClass> DOMAIN_CODE = DescribedPredicate.describe(
            "entities, services and domain code",
            type -> type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(MappedSuperclass.class)
                    || type.getSimpleName().endsWith("Service") || type.getPackageName().contains(".profile.domain"));

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.inclusionmatch.profile.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void entitiesServicesAndDomainCodeDoNotSpeakHttp() {
        noClasses().that(DOMAIN_CODE).should().dependOnClassesThat().resideInAnyPackage(HTTP).check(CLASSES);
    }

    @Test
    void onlyTheWebLayerSpeaksHttp() {
        noClasses().that(DescribedPredicate.not(WEB_LAYER))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP).check(CLASSES);
    }

    @Test
    void domainExceptionsAreFrameworkFree() {
        classes().that().resideInAPackage("..profile.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..profile.domain..", "java..")
                .check(CLASSES);
    }

    @Test
    void resourcesRunNoQueries() {
        noClasses().that(RESOURCES).should().dependOnClassesThat(assignableTo(EntityManager.class)
                        .or(resideInAPackage("io.quarkus.hibernate.orm.panache..")).or(resideInAPackage("io.quarkus.panache..")))
                .orShould(callMethodWhere(DescribedPredicate.describe("a static query method of an entity",
                        call -> call.getTarget().getOwner().isAssignableTo(PanacheEntityBase.class)
                                && !call.getTarget().getOwner().isEquivalentTo(PanacheEntityBase.class)
                                && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(
                                        JavaModifier.STATIC)).orElse(false))))
                .check(CLASSES);
    }

    @Test
    void resourcesAreNotTransactional() {
        noClasses().that(RESOURCES).should().beAnnotatedWith(Transactional.class).check(CLASSES);
        noMethods().that().areDeclaredInClassesThat(RESOURCES).should().beAnnotatedWith(Transactional.class).check(CLASSES);
    }

    @Test
    void theCommonAndDisclosurePackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("..profile.common..", "..profile.disclosure..", "..profile.vocabulary..",
                        "..profile.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..profile.person..", "..profile.enrolment..",
                        "..profile.measure..", "..profile.programme..", "..profile.outcome..", "..profile.decision..",
                        "..profile.recommendation..", "..profile.matching..", "..profile.audit..")
                .check(CLASSES);
    }

    private static boolean isOnlyUsedByTheWebLayer(JavaClass type) {
        var users = type.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass())
                .filter(user -> !user.equals(type) && !user.getEnclosingClass().map(type::equals).orElse(false))
                .toList();
        return !users.isEmpty() && users.stream().allMatch(PackageBoundariesTest::isWebLayer);
    }

    private static boolean isWebLayer(JavaClass type) {
        JavaClass outer = type.getEnclosingClass().orElse(type);
        if (outer != type && isWebLayer(outer)) {
            return true; // a view record nested in a resource, say
        }
        if (type.isAnnotatedWith(Path.class) || type.isAnnotatedWith(Provider.class)) {
            return true;
        }
        boolean implementsHttpInterface = type.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().startsWith("jakarta.ws.rs"));
        boolean calledByRestEasy = Stream.concat(type.getMethods().stream(), type.getFields().stream())
                .map(JavaMember.class::cast)
                .flatMap(member -> member.getAnnotations().stream())
                .map(JavaAnnotation::getRawType)
                .anyMatch(annotation -> annotation.getPackageName().startsWith("org.jboss.resteasy.reactive.server")
                        || annotation.getPackageName().startsWith("jakarta.ws.rs"));
        return implementsHttpInterface || calledByRestEasy;
    }
}
