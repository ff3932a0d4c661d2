package org.inclusionmatch.profile.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages depend on each other one way only, and stored models know nothing of HTTP. No servers needed. */
class PackageBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inclusionmatch.profile");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.inclusionmatch.profile.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void entitiesDoNotSpeakHttp() {
        noClasses().that().areAnnotatedWith(Entity.class).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..").check(CLASSES);
    }

    @Test
    void theCommonAndDisclosurePackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("..profile.common..", "..profile.disclosure..", "..profile.vocabulary..")
                .should().dependOnClassesThat().resideInAnyPackage("..profile.person..", "..profile.enrolment..",
                        "..profile.measure..", "..profile.programme..", "..profile.outcome..", "..profile.decision..",
                        "..profile.recommendation..", "..profile.matching..", "..profile.audit..")
                .check(CLASSES);
    }
}
