package org.inclusionmatch.profile.measure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Codes;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonIgnoreProperties(value = {"id", "version", "createdAt", "updatedAt", "seatsHeld", "seatsLeft", "waitlist",
        "releasedLast90Days", "eligibilityDescription"}, allowGetters = false)
@Schema(name = "MeasureRequest")
public record MeasureRequest(
        @NotBlank @Pattern(regexp = Codes.RECORD_CODE, message = "must be 2-64 characters of A-Z, 0-9, '.', '_' or '-'")
        @Schema(example = "LRC-PIE-CAREER") String code,
        @Schema(description = "Programme the measure belongs to, if any") UUID programmeId,
        @NotNull @Schema(description = "Organisation that provides the measure") UUID providerId,
        @NotNull @Schema(example = "CONSULTATION") MeasureKind kind,
        @NotBlank @Size(max = 300) @Schema(example = "Career consultant") String title,
        @Size(max = 20) @Schema(example = "[\"CAREER_GUIDANCE\"]")
        List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> needs,
        @Size(max = 20) @Schema(example = "[\"OPEN_LABOUR_MARKET\"]")
        List<@NotNull @Pattern(regexp = Codes.TAG, message = "must be an UPPER_SNAKE_CASE code") String> goals,
        @NotEmpty @Size(max = 6) @Schema(example = "[\"RIGA\", \"PIERIGA\"]") List<@NotNull Region> regions,
        @Schema(description = "Can be taken part in from anywhere", defaultValue = "false") Boolean remote,
        @Schema(description = "Given in a shared setting where participants meet (a group, a shared residence): two "
                + "persons kept apart never both hold a place. Always true for HALFWAY_HOUSE and SUPPORT_GROUP (false "
                + "there is refused); left out: true for those two kinds, and for any other the measure's current setting "
                + "(false for a new one), so a client that does not know the field never unmarks a measure; unmark "
                + "with false") Boolean groupSetting,
        @Size(max = 3) @Schema(description = "The roles the measure is for; empty or left out: any role",
                example = "[\"PARTICIPANT\"]") List<@NotNull Role> audienceRoles,
        @Size(max = 20) @Schema(description = "Languages it is given in (ISO 639); empty or left out: any language. "
                + "A person matches when they speak one of them", example = "[\"lv\", \"ru\"]")
        List<@NotNull @Pattern(regexp = Codes.LANGUAGE, message = "must be an ISO 639 code such as lv") String> languages,
        @NotNull @PositiveOrZero @Max(1_000_000) @Schema(example = "30") Integer capacity,
        @PositiveOrZero @Max(1_000_000) @Schema(example = "18", defaultValue = "0",
                description = "Places taken outside Inclusion Match (a starting count); enrolments add to it") Integer seatsTaken,
        @Schema(example = "2026-09-01") LocalDate startDate,
        @Schema(example = "2027-02-28") LocalDate endDate,
        @Size(max = 2000) @Schema(description = "CEL rule over person; leave out to admit everyone", example = "person.age >= 18")
        String eligibility,
        @Min(1) @Max(90) @Schema(description = "Days the provider has to answer a referral, counted from when a place "
                + "is offered (at the referral, or at promotion from the waitlist), 1-90; unanswered by then, the referral "
                + "becomes EXPIRED. Left out: the measure's current answer time (for a new one the deployment's default, "
                + "inclusion.referrals.default-answer-days, 10)", example = "10", nullable = true)
        Integer answerDays) {
}
