package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.identity.PersonalCode;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.util.List;

@JsonIgnoreProperties(value = {"id", "organisationId", "version", "createdAt", "updatedAt"}, allowGetters = false)
@Schema(name = "PersonRequest", description = "A person's profile. Target groups may be special-category data (GDPR Art. 9/10). "
        + "The organisation is the caller's own, taken from the token.")
public record PersonRequest(
        @NotNull @Schema(example = "PARTICIPANT") Role role,
        @NotNull @Schema(example = "GROWTH_ORIENTED", description = "One of the twelve B-WISE archetypes; must belong to role") Archetype archetype,
        @NotNull @Min(1900) @Max(2100) @Schema(example = "1992") Integer birthYear,
        @NotNull @Schema(example = "FEMALE") Gender gender,
        @NotNull @Schema(example = "PIERIGA") Region region,
        @NotBlank @Size(max = 100) @Schema(example = "Sigulda") String municipality,
        @Size(max = 20) @Schema(example = "[\"SINGLE_PARENT\", \"AFTER_CHILDCARE_LEAVE\"]")
        List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> targetGroups,
        @Size(max = 20) @Schema(example = "[\"CAREER_GUIDANCE\", \"DIGITAL_SKILLS\"]")
        List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> needs,
        @Size(max = 20) @Schema(example = "[\"OPEN_LABOUR_MARKET\"]")
        List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> goals,
        @Size(max = 10) @Schema(example = "[\"lv\", \"ru\"]")
        List<@NotNull @Pattern(regexp = Codes.LANGUAGE, message = "must be an ISO 639 code such as lv") String> languages,
        @NotNull @Valid @Schema(description = "Without a legal basis no person data is stored") Processing legalBasis,
        @NotNull @Schema(description = "Whether the person may be matched; false removes their recommendations", example = "true")
        Boolean matchingAllowed,
        @Size(min = 1, max = 64)
        @Schema(description = "Your own reference for the person, unique in your organisation (409 when taken); "
                + "the key of the bulk import. Printable text without control characters or line breaks, not blank. "
                + "Leaving it out removes it.", example = "CASE-2026-00017")
        String externalRef,
        @Size(max = 12)
        @Schema(description = "The person's Latvian personal code (personas kods), 11 digits with or without a hyphen "
                + "after the sixth and a valid check digit. Write-only: stored only as a keyed hash that links this record "
                + "to the same person's records in other organisations (one place per programme, keep-apart, matching, "
                + "reports count the person once; what that can reveal is in docs/privacy-and-security.md), and never "
                + "returned (personalCodeRecorded says whether one is). A code another person of your organisation has "
                + "is a 409 naming that person. On an update, leaving it out keeps the recorded one; "
                + "DELETE /persons/{id}/personal-code removes it.",
                writeOnly = true, pattern = PersonalCode.PATTERN, example = "320101-00002")
        String personalCode) {

    /** The same request with another personal code: {@code null} leaves it out (an idempotency fingerprint, a test). */
    public PersonRequest withPersonalCode(String code) {
        return new PersonRequest(role, archetype, birthYear, gender, region, municipality, targetGroups, needs, goals,
                languages, legalBasis, matchingAllowed, externalRef, code);
    }

    @Override
    public String toString() {
        return "PersonRequest"; // never the profile, never the code
    }

    /**
     * Printable text: no control, format or unassigned characters, no line breaks, not only spaces. Checked by
     * PersonService rather than by {@code @Pattern}, whose Java regular expression would reach the OpenAPI document,
     * where client generators expect ECMA-262 ones.
     */
    static final java.util.regex.Pattern EXTERNAL_REF = java.util.regex.Pattern.compile(
            "\\p{Zs}*+[^\\p{C}\\p{Z}][^\\p{C}\\p{Zl}\\p{Zp}]*+");
    static final String EXTERNAL_REF_RULE = "must be printable text without control characters or line breaks, not blank";
}
