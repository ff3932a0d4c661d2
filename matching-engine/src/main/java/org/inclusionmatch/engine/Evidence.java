package org.inclusionmatch.engine;

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
}
