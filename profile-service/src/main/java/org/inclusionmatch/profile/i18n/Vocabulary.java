package org.inclusionmatch.profile.i18n;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code lists with their labels, built once per language (they change only with a release) with the entity tag
 * of each answer: a hash of its JSON, so a new label changes the tag and a cached copy is refreshed.
 */
@ApplicationScoped
public class Vocabulary {

    private final Map<Language, VocabularyView> all = new EnumMap<>(Language.class);
    private final Map<Language, String> tags = new EnumMap<>(Language.class);
    private final ObjectMapper json;

    public Vocabulary(ObjectMapper json) {
        this.json = json;
        for (Language language : Language.values()) {
            VocabularyView view = new VocabularyView(language.tag(),
                    Arrays.stream(CodeList.values()).map(list -> list(language, list)).toList());
            all.put(language, view);
            tags.put(language, tag(view));
        }
    }

    public VocabularyView all(Language language) {
        return all.get(language);
    }

    public String tag(Language language) {
        return tags.get(language);
    }

    public Optional<CodeListView> list(Language language, String name) {
        return all.get(language).codeLists().stream().filter(list -> list.name().equals(name)).findFirst();
    }

    public String tag(CodeListView list) {
        return tag((Object) list);
    }

    private static CodeListView list(Language language, CodeList list) {
        return new CodeListView(list.listName(), list.open(), list.codes().stream().map(code -> {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Language each : Language.values()) {
                labels.put(each.tag(), Messages.label(each, list, code));
            }
            return new CodeView(code, Messages.label(language, list, code), labels,
                    list == CodeList.ARCHETYPES ? Archetype.valueOf(code).role() : null);
        }).toList());
    }

    private String tag(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(view).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Schema(name = "Vocabulary", description = "Every code list a form needs, with labels in the answer's language and in all")
    public record VocabularyView(@Schema(example = "lv") String language, List<CodeListView> codeLists) {
    }

    @Schema(name = "CodeList", description = "A list of codes; open lists accept any well-formed code, these are the ones with labels")
    public record CodeListView(@Schema(example = "needs") String name, boolean open, List<CodeView> codes) {
    }

    @Schema(name = "Code")
    public record CodeView(@Schema(example = "HOUSING") String code,
                           @Schema(description = "The label in the answer's language", example = "Mājoklis") String label,
                           @Schema(description = "The label in every language, by language tag",
                                   example = "{\"lv\": \"Mājoklis\", \"en\": \"Housing\"}") Map<String, String> labels,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "Archetypes only (left out elsewhere): the role the archetype belongs to; "
                                   + "a person's archetype must belong to their role", example = "FACILITATOR") Role role) {
    }
}
