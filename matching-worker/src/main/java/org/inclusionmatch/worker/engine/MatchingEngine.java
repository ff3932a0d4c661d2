package org.inclusionmatch.worker.engine;

import org.inclusionmatch.worker.engine.Catalogue.CompiledMeasure;
import org.inclusionmatch.worker.engine.Catalogue.CompiledProgramme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends measures to a person: filters the hard constraints, keeps measures that meet at least one of
 * the person's needs or goals, scores them, ranks them with diversity and explains each with reasons.
 * Thread-safe; the same inputs always give the same output, with one exception: an eligibility rule that runs
 * over a run-time limit (iterations, value size, the per-person deadline) admits nobody it was cut off for, and once
 * quarantined admits nobody at all, so a rule that only sometimes finishes in time can answer differently.
 */
public final class MatchingEngine {

    public static final String ENGINE_VERSION = "engine-1.0.0";

    // Weights sum to 1, so a score is in [0, 1]. Needs dominate: they are what the case worker recorded as
    // the person's problems. Goals are the direction, worth less. A programme whose real eligibility rule
    // admitted the person was designed for people like them. Archetype fit, focus (how much of the measure
    // is about this person rather than about other needs) and the own region are tie-breakers.
    static final double NEED_WEIGHT = 0.45;
    static final double GOAL_WEIGHT = 0.20;
    static final double TARGETED_WEIGHT = 0.15;
    static final double ARCHETYPE_WEIGHT = 0.10;
    static final double FOCUS_WEIGHT = 0.05;
    static final double REGION_WEIGHT = 0.05;

    private static final Comparator<Fit> BEST_FIRST = Comparator.comparingDouble(Fit::score).reversed()
            .thenComparing(fit -> fit.measure().code())
            .thenComparing(fit -> fit.measure().id());

    private final MatchingSettings settings;
    private final RuleCutOff.Listener cutOffs;

    public MatchingEngine() {
        this(MatchingSettings.DEFAULT);
    }

    public MatchingEngine(MatchingSettings settings) {
        this(settings, RuleCutOff.Listener.IGNORE);
    }

    public MatchingEngine(MatchingSettings settings, RuleCutOff.Listener cutOffs) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cutOffs = Objects.requireNonNull(cutOffs, "cutOffs");
    }

    public List<Recommendation> recommend(PersonProfile person, Catalogue catalogue, LocalDate evaluationDay) {
        Objects.requireNonNull(evaluationDay, "evaluationDay");
        Applicant applicant = new Applicant(person, evaluationDay, catalogue.programmeSlots(), settings, cutOffs);
        List<Fit> candidates = new ArrayList<>();
        for (CompiledMeasure measure : catalogue.compiledMeasures()) {
            if (isRelevant(measure, applicant) && isAvailable(measure, applicant, evaluationDay)) {
                candidates.add(fit(measure, applicant));
            }
        }
        return rankWithDiversity(candidates);
    }

    /** Relevance: an explicit overlap with the person's needs or goals; checked first because it is cheap. */
    private static boolean isRelevant(CompiledMeasure measure, Applicant applicant) {
        return overlaps(applicant.needs, measure.needs()) || overlaps(applicant.goals, measure.goals());
    }

    /** The hard constraints, cheapest first; the CEL rules last. */
    private boolean isAvailable(CompiledMeasure m, Applicant applicant, LocalDate day) {
        Measure measure = m.measure();
        if (applicant.profile.excludedMeasureIds().contains(measure.id())
                || measure.seatsTaken() >= measure.capacity() // a full measure is never offered
                || !Inputs.activeOn(day, measure.startDate(), measure.endDate())) {
            return false;
        }
        String region = applicant.profile.region();
        if (!measure.remote() && !m.regions().contains(region)) {
            return false;
        }
        CompiledProgramme programme = m.programme();
        if (programme != null) {
            Programme p = programme.programme();
            if (!Inputs.activeOn(day, p.startDate(), p.endDate())
                    || (!measure.remote() && !programme.regions().isEmpty() && !programme.regions().contains(region))
                    || !applicant.admittedBy(programme)) {
                return false;
            }
        }
        return m.rule().admits(applicant.celPerson, settings, cutOffs);
    }

    private static Fit fit(CompiledMeasure m, Applicant applicant) {
        List<String> needs = matching(applicant.needs, m.needs());
        List<String> goals = matching(applicant.goals, m.goals());
        String targetedBy = m.programme() != null && m.programme().rule().isTargeted()
                ? m.programme().programme().code() : null; // it admitted the person, or we would not be here
        boolean archetypeFit = overlaps(m.measure().needs(), applicant.typicalNeeds);
        boolean inRegion = m.regions().contains(applicant.profile.region());
        double score = share(needs.size(), applicant.needs.size()) * NEED_WEIGHT
                + share(goals.size(), applicant.goals.size()) * GOAL_WEIGHT
                + (targetedBy != null ? TARGETED_WEIGHT : 0)
                + (archetypeFit ? ARCHETYPE_WEIGHT : 0)
                + share(needs.size() + goals.size(), m.needs().size() + m.goals().size()) * FOCUS_WEIGHT
                + (inRegion ? REGION_WEIGHT : 0);
        return new Fit(m.measure(), Math.round(score * 1000) / 1000.0, needs, goals, targetedBy,
                archetypeFit ? applicant.profile.archetype() : null, inRegion ? applicant.profile.region() : null);
    }

    /**
     * Greedy: take the best candidate that covers a need no chosen measure covers yet; when none does, the
     * best remaining. So a second measure for the same need comes after a first measure for another need.
     */
    private List<Recommendation> rankWithDiversity(List<Fit> candidates) {
        candidates.sort(BEST_FIRST);
        Set<String> coveredNeeds = new HashSet<>();
        List<Recommendation> ranked = new ArrayList<>(settings.topK());
        while (ranked.size() < settings.topK() && !candidates.isEmpty()) {
            int pick = 0;
            for (int i = 0; i < candidates.size(); i++) {
                if (!coveredNeeds.containsAll(candidates.get(i).needs())) {
                    pick = i;
                    break;
                }
            }
            Fit chosen = candidates.remove(pick);
            coveredNeeds.addAll(chosen.needs());
            ranked.add(chosen.toRecommendation(ranked.size() + 1));
        }
        return List.copyOf(ranked);
    }

    private static boolean overlaps(List<String> items, Set<String> set) {
        for (String item : items) {
            if (set.contains(item)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> matching(List<String> wanted, Set<String> offered) {
        return wanted.stream().filter(offered::contains).toList();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** The person prepared once per call: de-duplicated needs and goals, the CEL view, programme verdicts. */
    private static final class Applicant {
        final PersonProfile profile;
        final List<String> needs;
        final List<String> goals;
        final Set<String> typicalNeeds;
        final Map<String, Object> celPerson;
        private final Boolean[] programmeVerdicts; // null = not evaluated yet; each programme rule runs once
        private final MatchingSettings settings;
        private final RuleCutOff.Listener cutOffs;

        Applicant(PersonProfile profile, LocalDate day, int programmeSlots, MatchingSettings settings,
                  RuleCutOff.Listener cutOffs) {
            this.settings = settings;
            this.cutOffs = cutOffs;
            this.profile = profile;
            this.needs = profile.needs().stream().distinct().toList();
            this.goals = profile.goals().stream().distinct().toList();
            this.typicalNeeds = ArchetypeNeeds.of(profile.archetype());
            this.celPerson = Map.ofEntries(
                    Map.entry("role", profile.role()),
                    Map.entry("archetype", profile.archetype()),
                    Map.entry("birthYear", (long) profile.birthYear()), // CEL ints are Long
                    Map.entry("age", (long) (day.getYear() - profile.birthYear())),
                    Map.entry("gender", profile.gender()),
                    Map.entry("region", profile.region()),
                    Map.entry("municipality", profile.municipality()),
                    Map.entry("targetGroups", profile.targetGroups()),
                    Map.entry("needs", profile.needs()),
                    Map.entry("goals", profile.goals()),
                    Map.entry("languages", profile.languages()));
            this.programmeVerdicts = new Boolean[programmeSlots];
        }

        boolean admittedBy(CompiledProgramme programme) {
            Boolean verdict = programmeVerdicts[programme.index()];
            if (verdict == null) {
                verdict = programme.rule().admits(celPerson, settings, cutOffs);
                programmeVerdicts[programme.index()] = verdict;
            }
            return verdict;
        }
    }

    /** Why a measure fits; the score and the reasons are both derived from it, so they never disagree. */
    private record Fit(Measure measure, double score, List<String> needs, List<String> goals,
                       String targetedBy, String archetype, String region) {

        Recommendation toRecommendation(int rank) {
            List<Reason> reasons = new ArrayList<>();
            needs.forEach(need -> reasons.add(Reason.needMatch(need)));
            goals.forEach(goal -> reasons.add(Reason.goalMatch(goal)));
            if (targetedBy != null) {
                reasons.add(Reason.eligibleUnder(targetedBy));
            }
            if (archetype != null) {
                reasons.add(Reason.archetypeFit(archetype));
            }
            if (region != null) {
                reasons.add(Reason.region(region));
            }
            if (measure.remote()) {
                reasons.add(Reason.remote());
            }
            reasons.add(Reason.seatsLeft(measure.seatsLeft()));
            return new Recommendation(rank, measure.id(), measure.code(), score, reasons);
        }
    }
}
