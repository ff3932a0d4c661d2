package org.inclusionmatch.profile.measure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Measure")
public record MeasureView(UUID id, String code, UUID programmeId, UUID providerId, MeasureKind kind, String title,
                          List<String> needs, List<String> goals, List<Region> regions, boolean remote,
                          @Schema(description = "Given in a shared setting where participants meet (a group, a shared "
                                  + "residence): two persons kept apart never both hold a place. Always true for "
                                  + "HALFWAY_HOUSE and SUPPORT_GROUP") boolean groupSetting,
                          @Schema(description = "The roles the measure is for; empty: any role") List<Role> audienceRoles,
                          @Schema(description = "Languages it is given in (ISO 639); empty: any language") List<String> languages,
                          int capacity,
                          @Schema(description = "Places taken outside Inclusion Match, as written") int seatsTaken,
                          @Schema(description = "Places held by enrolments in Inclusion Match (read-only)") int seatsHeld,
                          @Schema(description = "capacity - seatsTaken - seatsHeld") int seatsLeft,
                          @Schema(description = "Referrals waiting for a place (read-only)") int waitlist,
                          @Schema(description = "Places freed in the last 90 days by enrolments that ended (completed, "
                                  + "dropped, rejected, expired): the pace at which the waitlist moves (read-only)") int releasedLast90Days,
                          LocalDate startDate, LocalDate endDate, String eligibility,
                          @Schema(description = "The eligibility rule in plain words, in the answer's language (Accept-Language), for "
                                  + "case workers: what eligibility (CEL, kept for whoever maintains the rule) says, never "
                                  + "the CEL itself; null when there is no rule", maxLength = 1000,
                                  example = "aged 18 to 29 and in one of the target groups: Persons over 50, Roma")
                          String eligibilityDescription,
                          @Schema(description = "Days the provider has to answer a referral, from when a place is "
                                  + "offered: the measure's own, or the deployment's default", example = "10") int answerDays,
                          long version, Instant createdAt, Instant updatedAt) {

    static MeasureView of(Measure m, int defaultAnswerDays) {
        return of(m, WaitlistFigures.NONE, defaultAnswerDays);
    }

    static MeasureView of(Measure m, WaitlistFigures figures, int defaultAnswerDays) {
        return new MeasureView(m.id, m.code, m.programme == null ? null : m.programme.id, m.provider.id, m.kind, m.title,
                m.needs, m.goals, m.regions.stream().map(Region::valueOf).toList(), m.remote, m.groupSetting,
                m.audienceRoles.stream().map(Role::valueOf).toList(), m.languages,
                m.capacity, m.seatsTaken, m.seatsHeld, Math.max(0, m.capacity - m.seatsInUse()),
                figures.waiting(), figures.released(),
                m.startDate, m.endDate, m.eligibility, null, m.answerDays != null ? m.answerDays : defaultAnswerDays,
                m.version, m.createdAt, m.updatedAt);
    }

    /** The same measure with its rule in plain words (written on the way out, in the answer's language). */
    public MeasureView withEligibilityDescription(String description) {
        return new MeasureView(id, code, programmeId, providerId, kind, title, needs, goals, regions, remote, groupSetting,
                audienceRoles, languages, capacity, seatsTaken, seatsHeld, seatsLeft, waitlist, releasedLast90Days,
                startDate, endDate, eligibility, description, answerDays, version, createdAt, updatedAt);
    }
}
