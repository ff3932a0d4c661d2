package org.inclusionmatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Programmes and measures prepared for matching: every rule compiled once, lists turned into sets, measures
 * in a fixed order (by code, then id) so results never depend on the order the catalogue was read in.
 * Safe to share between threads; build a new one when the catalogue changes. The only state that changes is
 * each rule's count of run-time cut-offs, which quarantines a rule for the rest of this catalogue's life.
 */
public final class Catalogue {

    /** A programme ready for matching; {@code index} addresses the per-person cache of its rule's verdict. */
    record CompiledProgramme(Programme programme, int index, Set<String> regions, CompiledRule rule) {
    }

    /** A measure ready for matching. */
    record CompiledMeasure(Measure measure, CompiledProgramme programme, Set<String> needs, Set<String> goals,
                           Set<String> regions, CompiledRule rule) {
    }

    private final List<CompiledMeasure> measures;
    private final Map<UUID, CompiledProgramme> programmesById;
    private final int programmeSlots;
    private final List<String> problems;
    private final Evidence evidence;

    private Catalogue(List<CompiledMeasure> measures, Map<UUID, CompiledProgramme> programmesById,
                      int programmeSlots, List<String> problems, Evidence evidence) {
        this.evidence = evidence;
        this.measures = measures;
        this.programmesById = programmesById;
        this.programmeSlots = programmeSlots;
        this.problems = problems;
    }

    /** @throws IllegalArgumentException when two programmes share an id */
    public static Catalogue of(List<Programme> programmes, List<Measure> measures) {
        List<String> problems = new ArrayList<>();
        Map<UUID, CompiledProgramme> byId = new HashMap<>();
        for (Programme programme : programmes) {
            CompiledRule rule = compile(programme.eligibility(), RuleCutOff.Owner.PROGRAMME, programme.id(),
                    programme.code(), "programme " + programme.code(), problems);
            var compiled = new CompiledProgramme(programme, byId.size(), Set.copyOf(programme.regions()), rule);
            if (byId.putIfAbsent(programme.id(), compiled) != null) {
                throw new IllegalArgumentException("Two programmes share the id " + programme.id());
            }
        }
        int slots = byId.size();
        List<CompiledMeasure> compiledMeasures = new ArrayList<>(measures.size());
        for (Measure measure : measures) {
            String label = "measure " + measure.code();
            CompiledProgramme programme = null;
            if (measure.programmeId() != null) {
                programme = byId.get(measure.programmeId());
                if (programme == null) { // constraints of an unknown programme cannot be checked: never eligible
                    String error = "refers to unknown programme " + measure.programmeId();
                    problems.add(label + ": " + error);
                    programme = new CompiledProgramme(
                            new Programme(measure.programmeId(), "?", null, null, null, List.of(), null),
                            slots++, Set.of(), CompiledRule.broken(error));
                }
            }
            compiledMeasures.add(new CompiledMeasure(measure, programme, Set.copyOf(measure.needs()),
                    Set.copyOf(measure.goals()), Set.copyOf(measure.regions()),
                    compile(measure.eligibility(), RuleCutOff.Owner.MEASURE, measure.id(), measure.code(), label, problems)));
        }
        compiledMeasures.sort(Comparator.comparing((CompiledMeasure m) -> m.measure().code())
                .thenComparing(m -> m.measure().id()));
        return new Catalogue(List.copyOf(compiledMeasures), Map.copyOf(byId), slots, List.copyOf(problems), Evidence.NONE);
    }

    private static CompiledRule compile(String expression, RuleCutOff.Owner owner, UUID ownerId, String ownerCode,
                                        String label, List<String> problems) {
        CompiledRule rule = CompiledRule.compile(expression, owner, ownerId, ownerCode);
        rule.error().ifPresent(error -> problems.add(label + ": eligibility rule does not compile: " + error));
        return rule;
    }

    /** The same catalogue with past outcomes to use as evidence (already through disclosure control). */
    public Catalogue withEvidence(Evidence outcomes) {
        return new Catalogue(measures, programmesById, programmeSlots, problems, java.util.Objects.requireNonNull(outcomes));
    }

    Evidence evidence() {
        return evidence;
    }

    public Optional<Programme> programme(UUID id) {
        return Optional.ofNullable(programmesById.get(id)).map(CompiledProgramme::programme);
    }

    /** The measures, ordered by code then id. */
    public List<Measure> measures() {
        return measures.stream().map(CompiledMeasure::measure).toList();
    }

    /** Records that can never be matched and why (a rule that does not compile, an unknown programme): for logs. */
    public List<String> problems() {
        return problems;
    }

    List<CompiledMeasure> compiledMeasures() {
        return measures;
    }

    int programmeSlots() {
        return programmeSlots;
    }
}
