package org.inclusionmatch.profile.measure;

import org.inclusionmatch.profile.common.cache.CatalogueChange;
import org.inclusionmatch.profile.common.events.DomainEvent;

/** What happens to a measure; each is published on the catalogue topic. */
public sealed interface MeasureEvent extends DomainEvent, CatalogueChange {

    Measure measure();

    record Created(Measure measure) implements MeasureEvent {
    }

    /**
     * What matching reads of the measure changed: its fields, or its seat counters crossed between full and free
     * (a referral or a freed place; the seat ledger changes the measure's row, so its version moves too).
     */
    record Updated(Measure measure) implements MeasureEvent {
    }

    /** Fired after the row is removed; its version was raised once more before. */
    record Deleted(Measure measure) implements MeasureEvent {
    }
}
