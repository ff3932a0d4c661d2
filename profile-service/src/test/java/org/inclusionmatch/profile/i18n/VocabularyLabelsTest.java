package org.inclusionmatch.profile.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.inclusionmatch.profile.common.problem.ProblemType;
import org.inclusionmatch.profile.vocabulary.ReasonCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A code without a label in every language fails the build, wherever the code is added: an enum of the domain, a
 * reason code of the worker, a need, goal or target group of the demo catalogue. No server needed.
 */
class VocabularyLabelsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inclusionmatch.profile");

    /** Enums of the API that are not codes a person picks in a form, each with the reason. */
    private static final Map<String, String> NOT_IN_FORMS = Map.of(
            "org.inclusionmatch.profile.recommendation.BatchOutcome", "the worker's batch result, read by a program",
            "org.inclusionmatch.profile.audit.AuditedPersonAccess$Operation", "the audit log's operation names");

    @Test
    void everyCodeOfEveryListHasALabelInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (CodeList list : CodeList.values()) {
            for (String code : list.codes()) {
                for (Language language : Language.values()) {
                    if (Messages.text(language, list.labelKey(code)).filter(label -> !label.isBlank()).isEmpty()) {
                        missing.add(language.tag() + ": " + list.labelKey(code));
                    }
                }
            }
        }
        assertThat(missing).as("codes without a label").isEmpty();
    }

    @Test
    void everyEnumOfTheVocabularyAndOfTheApiIsACodeList() {
        Set<String> listed = Arrays.stream(CodeList.values()).map(list -> list.type().getName()).collect(Collectors.toSet());
        Set<String> enums = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (type.isEnum() && type.getPackageName().endsWith(".vocabulary")) {
                enums.add(type.getName());
            }
            if (type.isRecord() && (type.getSimpleName().endsWith("Request") || type.getSimpleName().endsWith("View"))) {
                for (RecordComponent component : type.reflect().getRecordComponents()) {
                    enumsIn(component.getGenericType(), enums);
                }
            }
        }
        enums.removeAll(NOT_IN_FORMS.keySet());
        assertThat(enums).as("enums of the API without a code list (add them to CodeList, labels to both files)")
                .isSubsetOf(listed).contains("org.inclusionmatch.profile.vocabulary.MeasureKind",
                        "org.inclusionmatch.profile.enrolment.EnrolmentStatus");
    }

    private static void enumsIn(Type type, Set<String> enums) {
        if (type instanceof Class<?> raw && raw.isEnum()) {
            enums.add(raw.getName());
        } else if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> enumsIn(argument, enums));
        }
    }

    /** The OpenAPI document lists the code-list names as an enum: it must be the same list. */
    @Test
    void theDocumentedCodeListNamesAreTheCodeLists() throws Exception {
        var parameter = VocabularyResource.class.getMethod("list", String.class, jakarta.ws.rs.core.Request.class).getParameters()[0];
        var documented = parameter.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class)
                .schema().enumeration();
        assertThat(documented).containsExactly(Arrays.stream(CodeList.values()).map(CodeList::listName).toArray(String[]::new));
    }

    /**
     * Every problem type of the catalogue, and any written anywhere in the service, has a Latvian title; the English
     * title is the catalogue's and is written there only (not again in messages_en.properties).
     */
    @Test
    void everyProblemTypeOfTheServiceHasATitle() throws IOException {
        Pattern written = Pattern.compile("(?:Problem\\.of|RuleViolation)\\(\\s*\"([a-z]+(?:-[a-z]+)*)\"");
        Set<String> slugs = new TreeSet<>(Set.of("validation", "method-not-allowed", "not-acceptable"));
        Arrays.stream(ProblemType.values()).map(ProblemType::slug).forEach(slugs::add); // the whole catalogue
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher slug = written.matcher(Files.readString(file));
                while (slug.find()) slugs.add(slug.group(1));
            }
        }
        assertThat(slugs).hasSizeGreaterThan(10);
        Set<String> catalogue = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toSet());
        for (String slug : slugs) {
            assertThat(catalogue).as("an English title for " + slug).contains(slug);
            assertThat(Messages.text(Language.LV, "problem." + slug + ".title")).as("lv title of " + slug).isPresent();
        }
        assertThat(Messages.keys(Language.EN)).as("English titles are ProblemType's only")
                .noneMatch(key -> key.startsWith("problem."));
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemTexts.title(Language.EN, type)).isEqualTo(type.title());
            assertThat(ProblemTexts.title(Language.LV, type)).isNotEqualTo(type.title());
        }
    }

    @Test
    void bothLanguagesHaveTheSameTextsWithTheSamePlaceholders() {
        Set<String> english = new TreeSet<>(Messages.keys(Language.EN));
        Set<String> latvian = new TreeSet<>(Messages.keys(Language.LV));
        latvian.removeIf(key -> key.startsWith("problem.") && key.endsWith(".title")); // English: ProblemType's
        assertThat(latvian).isEqualTo(english);
        for (String key : english) {
            assertThat(Messages.placeholders(Messages.text(Language.LV, key).orElseThrow())).as(key)
                    .isEqualTo(Messages.placeholders(Messages.text(Language.EN, key).orElseThrow()));
        }
    }

    @Test
    void everyReasonCodeHasASentenceInEveryLanguageUsingItsParameters() {
        for (ReasonCode code : ReasonCode.values()) {
            for (Language language : Language.values()) {
                String key = ReasonSentences.key(language, code, Map.of("seats", "2"));
                String sentence = Messages.text(language, key).orElse(null);
                assertThat(sentence).as(key).isNotBlank();
                assertThat(Messages.placeholders(sentence)).as(key).containsAll(code.params());
            }
        }
    }

    /** The worker writes the reasons; a code it adds without a Latvian sentence and labels fails here. */
    @Test
    void theWorkersReasonCodesAreTheCodesWithSentences() throws IOException {
        Path source = Path.of("../matching-engine/src/main/java/org/inclusionmatch/engine/Reason.java");
        Matcher constant = Pattern.compile("public static final String ([A-Z_]+) = \"([A-Z_]+)\";").matcher(Files.readString(source));
        Set<String> workerCodes = new TreeSet<>();
        while (constant.find()) {
            workerCodes.add(constant.group(2));
        }
        assertThat(workerCodes).hasSizeGreaterThanOrEqualTo(7)
                .isSubsetOf(Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    }

    @Test
    void everyNeedGoalAndTargetGroupOfTheDemoCatalogueHasALabel() throws IOException {
        JsonNode catalogue = new ObjectMapper().readTree(Path.of("../deploy/local/demo/catalogue.json").toFile());
        Set<String> needs = new TreeSet<>();
        Set<String> goals = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        catalogue.get("measures").forEach(measure -> {
            measure.path("needs").forEach(need -> needs.add(need.asText()));
            measure.path("goals").forEach(goal -> goals.add(goal.asText()));
        });
        Pattern quoted = Pattern.compile("'([A-Z][A-Z0-9_]+)'");
        for (String kind : List.of("programmes", "measures")) {
            catalogue.get(kind).forEach(record -> {
                String rule = record.path("eligibility").asText("");
                Matcher inGroups = Pattern.compile("targetGroups[^\\]]*\\[([^\\]]*)]").matcher(rule);
                while (inGroups.find()) {
                    Matcher code = quoted.matcher(inGroups.group(1));
                    while (code.find()) groups.add(code.group(1));
                }
            });
        }
        assertThat(needs).isNotEmpty().isSubsetOf(CodeList.NEEDS.codes());
        assertThat(goals).isNotEmpty().isSubsetOf(CodeList.GOALS.codes());
        assertThat(groups).isNotEmpty().isSubsetOf(CodeList.TARGET_GROUPS.codes());
    }

    @Test
    void latvianReasonSentencesUseLabelsAndLatvianPlurals() {
        assertThat(ReasonSentences.sentence(Language.LV, "NEED_MATCH", Map.of("need", "HOUSING"))).contains("Atbilst vajadzībai: Mājoklis.");
        assertThat(ReasonSentences.sentence(Language.LV, "NEED_MATCH", Map.of("need", "NEW_NEED"))).contains("Atbilst vajadzībai: NEW_NEED.");
        assertThat(ReasonSentences.sentence(Language.LV, "SEATS_LEFT", Map.of("seats", "1"))).contains("Brīva vēl 1 vieta.");
        assertThat(ReasonSentences.sentence(Language.LV, "SEATS_LEFT", Map.of("seats", "21"))).contains("Brīva vēl 21 vieta.");
        assertThat(ReasonSentences.sentence(Language.LV, "SEATS_LEFT", Map.of("seats", "11"))).contains("Brīvas vēl 11 vietas.");
        assertThat(ReasonSentences.sentence(Language.LV, "SEATS_LEFT", Map.of("seats", "3"))).contains("Brīvas vēl 3 vietas.");
        assertThat(ReasonSentences.sentence(Language.LV, "REGION", Map.of("region", "PIERIGA"))).contains("Pieejams personas reģionā: Pierīga.");
        assertThat(ReasonSentences.sentence(Language.LV, "REMOTE", Map.of())).contains("Pieejams attālināti.");
        assertThat(ReasonSentences.sentence(Language.LV, "NEW_REASON", Map.of())).isEmpty();
        assertThat(ReasonSentences.sentence(Language.LV, "NEED_MATCH", Map.of())).as("params missing").isEmpty();
    }

    @Test
    void problemDetailsAreTranslatedByTemplateAndOtherwiseKept() {
        assertThat(ProblemTexts.detail(Language.LV, "Person 3f1c is not visible to your organisation"))
                .contains("Jūsu organizācija neredz šo ierakstu: Persona 3f1c");
        assertThat(ProblemTexts.detail(Language.LV, "Code list nope does not exist")).contains("Kodu saraksts nope nepastāv");
        assertThat(ProblemTexts.detail(Language.LV, "The body is not valid JSON (line 3, column 14)"))
                .contains("Saturs nav derīgs JSON (3. rinda, 14. kolonna)");
        assertThat(ProblemTexts.detail(Language.LV, "Another measure already uses code X-1"))
                .contains("Kods X-1 jau ir izmantots (cits ieraksts: pasākums)");
        assertThat(ProblemTexts.detail(Language.LV, "Something nobody wrote a template for")).isEmpty();
        assertThat(ProblemTexts.detail(Language.LV, "Person {id} (.+?) does not exist")).contains("Persona {id} (.+?) nepastāv"); // no regex injection
    }
}
