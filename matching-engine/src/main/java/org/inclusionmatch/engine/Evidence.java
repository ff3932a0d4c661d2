package org.inclusionmatch.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Past outcomes the engine may use as evidence: for a measure or a programme and a group of similar people (an
 * archetype or a target group), how many took part and how many were included in work or education, and the overall
 * inclusion rate everything is smoothed toward. The figures must come through the same disclosure control as the
 * reports (profile-service {@code disclosure/CellKeyMethod}: perturbed counts, cells under 5 suppressed); the engine
 * refuses a cell under {@link #SUPPRESSED_BELOW} people even if one is given, and never reports more than the
 * published figures.
 */
public final class Evidence {

    /** Cells under this many people are suppressed by the reports: never used nor shown. */
    public static final int SUPPRESSED_BELOW = 5;

    /** The fewest people a cell needs before its rate counts at all. */
    public static final int MIN_PEOPLE = 10;

    /** The beta prior toward the overall rate is worth this many people (empirical Bayes smoothing). */
    public static final int PRIOR_PEOPLE = 20;

    public static final Evidence NONE = new Evidence(0.5, List.of());

    public enum Scope { MEASURE, PROGRAMME }

    public enum Group { ARCHETYPE, TARGET_GROUP }

    /** One published cell: {@code participants} people of the group in the measure or programme, {@code included} of them included. */
    public record Cell(Scope scope, UUID id, Group group, String value, int participants, int included) {

        public Cell {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(value, "value");
            if (participants < 0 || included < 0 || included > participants) {
                throw new IllegalArgumentException("included must be between 0 and participants");
            }
        }
    }

    private record Key(Scope scope, UUID id, Group group, String value) {
    }

    private final double overallRate;
    private final Map<Key, Cell> cells;

    /** @param overallRate the inclusion rate over all outcomes published, the prior every cell is smoothed toward */
    public Evidence(double overallRate, List<Cell> cells) {
        if (!(overallRate >= 0 && overallRate <= 1)) {
            throw new IllegalArgumentException("overallRate must be in [0, 1], was " + overallRate);
        }
        this.overallRate = overallRate;
        Map<Key, Cell> byKey = new HashMap<>();
        for (Cell cell : cells) {
            if (cell.participants() >= SUPPRESSED_BELOW) { // a suppressed cell does not exist for the engine
                byKey.put(new Key(cell.scope(), cell.id(), cell.group(), cell.value()), cell);
            }
        }
        this.cells = Map.copyOf(byKey);
    }

    /** How many cells the engine may use (suppressed ones are not among them). */
    public int cellCount() {
        return cells.size();
    }

    public double overallRate() {
        return overallRate;
    }

    Optional<Cell> cell(Scope scope, UUID id, Group group, String value) {
        return Optional.ofNullable(cells.get(new Key(scope, id, group, value)));
    }

    /**
     * The cell that speaks for a person in a measure: among the measure's cells (or, when it has none, its
     * programme's, if {@code programmeId} is given) for the person's archetype and each of their target groups, the
     * one with the most people (ties: the smallest value), if that is at least {@link #MIN_PEOPLE}; else empty.
     */
    public Optional<Cell> usableCell(UUID measureId, UUID programmeId, String archetype, Collection<String> targetGroups) {
        Cell best = measureId == null ? null : best(Scope.MEASURE, measureId, archetype, targetGroups);
        if (best == null && programmeId != null) {
            best = best(Scope.PROGRAMME, programmeId, archetype, targetGroups);
        }
        return Optional.ofNullable(best);
    }

    /** The cell's rate smoothed toward the overall rate: {@code (included + k * overall) / (participants + k)}, k = {@link #PRIOR_PEOPLE}. */
    public double smoothedRate(Cell cell) {
        return (cell.included() + PRIOR_PEOPLE * overallRate) / (cell.participants() + PRIOR_PEOPLE);
    }

    private Cell best(Scope scope, UUID id, String archetype, Collection<String> targetGroups) {
        Cell best = archetype == null ? null : cell(scope, id, Group.ARCHETYPE, archetype).orElse(null);
        for (String group : targetGroups) {
            Cell cell = cell(scope, id, Group.TARGET_GROUP, group).orElse(null);
            if (cell != null && (best == null || cell.participants() > best.participants()
                    || (cell.participants() == best.participants() && cell.value().compareTo(best.value()) < 0))) {
                best = cell;
            }
        }
        return best != null && best.participants() >= MIN_PEOPLE ? best : null;
    }
}
