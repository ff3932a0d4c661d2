package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledProgramme;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The person prepared once per matching call: de-duplicated needs and goals, the CEL views, cached programme
 * verdicts.
 *
 * <p><b>Age.</b> Only the birth year is known, so on the evaluation day a person's age in completed years is one of
 * two values: {@code year - birthYear - 1} (birthday still to come) or {@code year - birthYear} (birthday passed);
 * on 31 December only the second. {@link #youngest} and {@link #oldest} are the CEL views with each, and a rule
 * that reads {@code person.age} admits the person only when it holds for both (see {@link CompiledRule}): so a
 * minimum ({@code age >= 18}) admits those born in 2008 only from 31 December 2026, a maximum ({@code age <= 29})
 * drops those born in 1996 for all of 2026. Never admits anyone the real birthday would refuse.
 */
final class Applicant {

    final PersonProfile profile;
    final LocalDate day;
    final List<String> needs;
    final List<String> goals;
    final Set<String> typicalNeeds;
    final Set<String> languages;
    final Map<String, Object> youngest;
    final Map<String, Object> oldest;
    private final Boolean[] programmeVerdicts; // null = not evaluated yet; each programme rule runs once
    final MatchingSettings settings;
    private final RuleCutOff.Listener cutOffs;

    Applicant(PersonProfile profile, LocalDate day, int programmeSlots, MatchingSettings settings,
              RuleCutOff.Listener cutOffs) {
        this.settings = settings;
        this.cutOffs = cutOffs;
        this.profile = profile;
        this.day = day;
        this.needs = profile.needs().stream().distinct().toList();
        this.goals = profile.goals().stream().distinct().toList();
        this.typicalNeeds = ArchetypeNeeds.of(profile.archetype());
        this.languages = Set.copyOf(profile.languages());
        this.oldest = celPerson(profile, oldestAge(profile.birthYear(), day));
        long youngestAge = youngestAge(profile.birthYear(), day);
        this.youngest = youngestAge == oldestAge(profile.birthYear(), day) ? oldest : celPerson(profile, youngestAge);
        this.programmeVerdicts = new Boolean[programmeSlots];
    }

    /** The lowest age in completed years a person born in {@code birthYear} can have on {@code day}. */
    static long youngestAge(int birthYear, LocalDate day) {
        return MonthDay.from(day).equals(MonthDay.of(12, 31)) ? oldestAge(birthYear, day) : oldestAge(birthYear, day) - 1;
    }

    /** The highest age in completed years a person born in {@code birthYear} can have on {@code day}. */
    static long oldestAge(int birthYear, LocalDate day) {
        return (long) day.getYear() - birthYear;
    }

    private static Map<String, Object> celPerson(PersonProfile profile, long age) {
        return Map.ofEntries(
                Map.entry("role", profile.role()),
                Map.entry("archetype", profile.archetype()),
                Map.entry("birthYear", (long) profile.birthYear()), // CEL ints are Long
                Map.entry("age", age),
                Map.entry("gender", profile.gender()),
                Map.entry("region", profile.region()),
                Map.entry("municipality", profile.municipality()),
                Map.entry("targetGroups", profile.targetGroups()),
                Map.entry("needs", profile.needs()),
                Map.entry("goals", profile.goals()),
                Map.entry("languages", profile.languages()));
    }

    boolean admittedBy(CompiledProgramme programme) {
        Boolean verdict = programmeVerdicts[programme.index()];
        if (verdict == null) {
            verdict = programme.rule().admits(this, settings, cutOffs);
            programmeVerdicts[programme.index()] = verdict;
        }
        return verdict;
    }

    boolean admittedBy(CompiledRule rule) {
        return rule.admits(this, settings, cutOffs);
    }
}
