package org.inclusionmatch.profile.i18n;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The request's language is read in one place, {@link RequestLanguage}: no other class parses Accept-Language. */
class OneLanguageSourceTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inclusionmatch.profile");

    @Test
    void onlyRequestLanguageNegotiatesTheLanguage() {
        noClasses().that().doNotHaveFullyQualifiedName(RequestLanguage.class.getName())
                .and().doNotHaveFullyQualifiedName(AcceptLanguage.class.getName())
                .should().callMethod(AcceptLanguage.class, "negotiate", String.class)
                .orShould().callMethod(AcceptLanguage.class, "negotiate", String.class, Language.class)
                .orShould().callMethod(HttpHeaders.class, "getAcceptableLanguages")
                .orShould().callMethod(HttpHeaders.class, "getLanguage")
                .because("one request must never answer in two languages: ask RequestLanguage")
                .check(CLASSES);
    }
}
