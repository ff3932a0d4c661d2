package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recommends measures to a person: filters the hard constraints, keeps measures that meet at least one of
 * the person's needs or goals, scores them, ranks them with diversity and explains each with reasons.
 * Thread-safe; the same inputs always give the same output, with one exception: an eligibility rule that runs
 * over a run-time limit (iterations, value size, the per-person deadline) admits nobody it was cut off for, and once
 * quarantined admits nobody at all, so a rule that only sometimes finishes in time can answer differently.
 */
public final class MatchingEngine {

    public static final String ENGINE_VERSION = "engine-2.0.0";

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
        return match(person, catalogue, evaluationDay, false).recommendations();
    }

    /** The recommendations and, for up to {@link MatchingSettings#whyNot} relevant measures left out, why not. */
    public MatchResult match(PersonProfile person, Catalogue catalogue, LocalDate evaluationDay) {
        return match(person, catalogue, evaluationDay, true);
    }

    /**
     * Which of {@code measureIds} the person is eligible for on the day: every hard constraint passes (rules,
     * places, dates, region, audience, language, not taken or declined), whether or not the measure meets one of their
     * needs or goals. For the what-if of a draft programme; the recommendations themselves come from {@link #match}.
     */
    public Set<UUID> eligibleAmong(PersonProfile person, Catalogue catalogue, LocalDate evaluationDay, Set<UUID> measureIds) {
        Objects.requireNonNull(evaluationDay, "evaluationDay");
        Applicant applicant = new Applicant(person, evaluationDay, catalogue.programmeSlots(), settings, cutOffs);
        Set<UUID> eligible = new HashSet<>();
        for (CompiledMeasure measure : catalogue.compiledMeasures()) {
            if (measureIds.contains(measure.measure().id()) && isAvailable(measure, applicant)) {
                eligible.add(measure.measure().id());
            }
        }
        return eligible;
    }

    private MatchResult match(PersonProfile person, Catalogue catalogue, LocalDate evaluationDay, boolean explain) {
        Objects.requireNonNull(evaluationDay, "evaluationDay");
        Applicant applicant = new Applicant(person, evaluationDay, catalogue.programmeSlots(), settings, cutOffs);
        List<Fit> candidates = new ArrayList<>();
        List<CompiledMeasure> leftOut = new ArrayList<>();
        for (CompiledMeasure measure : catalogue.compiledMeasures()) {
            if (!isRelevant(measure, applicant)) {
                continue;
            }
            if (isAvailable(measure, applicant)) {
                candidates.add(fit(measure, applicant, catalogue.evidence()));
            } else if (explain && !person.excludedMeasureIds().contains(measure.measure().id())) {
                leftOut.add(measure);
            }
        }
        List<Fit> available = List.copyOf(candidates);
        List<Recommendation> ranked = rankWithDiversity(candidates);
        return new MatchResult(ranked, explain ? whyNot(leftOut, available, applicant) : List.of());
    }

    /** Relevance: an explicit overlap with the person's needs or goals; checked first because it is cheap. */
    private static boolean isRelevant(CompiledMeasure measure, Applicant applicant) {
        return overlaps(applicant.needs, measure.needs()) || overlaps(applicant.goals, measure.goals());
    }

    /** The hard constraints, cheapest first; the CEL rules last. */
    private static boolean isAvailable(CompiledMeasure m, Applicant applicant) {
        for (Constraint constraint : Constraints.ALL) {
            if (!constraint.passes(m, applicant)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The relevant measures left out, best fit first, each with every constraint it fails and what would change
     * that; where a place, a date or the region stands in the way, the best available measure for the same need
     * is named as the alternative (remote when the region is the obstacle and a remote one exists).
     */
    private List<WhyNot> whyNot(List<CompiledMeasure> leftOut, List<Fit> available, Applicant applicant) {
        List<Fit> ranked = new ArrayList<>(leftOut.size());
        Map<UUID, CompiledMeasure> byId = new HashMap<>();
        for (CompiledMeasure m : leftOut) {
            ranked.add(fit(m, applicant, Evidence.NONE)); // evidence only ever reorders what is available
            byId.put(m.measure().id(), m);
        }
        ranked.sort(BEST_FIRST);
        List<Fit> bestAvailable = new ArrayList<>(available);
        bestAvailable.sort(BEST_FIRST);
        List<WhyNot> result = new ArrayList<>();
        for (Fit fit : ranked) {
            if (result.size() >= settings.whyNot()) {
                break;
            }
            CompiledMeasure m = byId.get(fit.measure().id());
            List<Reason> unmet = new ArrayList<>();
            List<Reason> changes = new ArrayList<>();
            boolean logistics = false;
            boolean region = false;
            for (Constraint constraint : Constraints.ALL) {
                Constraint.Unmet failed = constraint.check(m, applicant);
                if (failed != null) {
                    unmet.add(failed.reason());
                    changes.addAll(failed.changes());
                    String code = failed.reason().code();
                    region |= code.equals(Reason.NOT_IN_REGION);
                    logistics |= code.equals(Reason.NOT_IN_REGION) || code.equals(Reason.MEASURE_FULL)
                            || code.equals(Reason.PROGRAMME_FULL) || code.equals(Reason.NOT_YET_OPEN)
                            || code.equals(Reason.CLOSED) || code.equals(Reason.NO_SHARED_LANGUAGE);
                }
            }
            if (unmet.isEmpty()) {
                continue; // passed on a second look (a rule cut off the first time): not explained as missing
            }
            if (logistics) {
                alternative(fit, bestAvailable, region).ifPresent(changes::add);
            }
            result.add(new WhyNot(fit.measure().id(), fit.measure().code(), unmet, changes));
        }
        return result;
    }

    private static Optional<Reason> alternative(Fit missing, List<Fit> bestAvailable, boolean preferRemote) {
        Fit found = null;
        for (Fit fit : bestAvailable) {
            boolean sameNeed = fit.needs().stream().anyMatch(missing.needs()::contains)
                    || (missing.needs().isEmpty() && fit.goals().stream().anyMatch(missing.goals()::contains));
            if (sameNeed && (found == null || (preferRemote && fit.measure().remote() && !found.measure().remote()))) {
                found = fit;
                if (!preferRemote || fit.measure().remote()) {
                    break;
                }
            }
        }
        return Optional.ofNullable(found).map(fit -> Reason.alternative(fit.measure().code(), fit.measure().remote()));
    }

    private static Fit fit(CompiledMeasure m, Applicant applicant, Evidence evidence) {
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
        EvidenceScore.Term term = evidence == Evidence.NONE ? null : EvidenceScore.of(m, applicant, evidence);
        if (term != null) {
            score = Math.max(0, Math.min(1, score + term.value()));
        }
        Reason evidenceReason = term == null ? null : EvidenceScore.reason(term, evidence.overallRate());
        boolean languagesUnchecked = !m.measure().languages().isEmpty() && applicant.languages.isEmpty();
        return new Fit(m.measure(), Math.round(score * 1000) / 1000.0, needs, goals, targetedBy,
                archetypeFit ? applicant.profile.archetype() : null, inRegion ? applicant.profile.region() : null,
                languagesUnchecked, evidenceReason);
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

    /** Why a measure fits; the score and the reasons are both derived from it, so they never disagree. */
    private record Fit(Measure measure, double score, List<String> needs, List<String> goals,
                       String targetedBy, String archetype, String region, boolean languagesUnchecked,
                       Reason evidence) {

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
            if (languagesUnchecked) {
                reasons.add(Reason.languages(measure.languages()));
            }
            if (evidence != null) {
                reasons.add(evidence);
            }
            reasons.add(Reason.seatsLeft(measure.seatsLeft()));
            return new Recommendation(rank, measure.id(), measure.code(), score, reasons);
        }
    }
}
