package org.inclusionmatch.profile.programme;

import org.inclusionmatch.profile.common.cache.CatalogueChange;
import org.inclusionmatch.profile.common.events.DomainEvent;

/** What happens to a programme; each is published on the catalogue topic. */
public sealed interface ProgrammeEvent extends DomainEvent, CatalogueChange {

    Programme programme();

    record Created(Programme programme) implements ProgrammeEvent {
    }

    record Updated(Programme programme) implements ProgrammeEvent {
    }

    /** Fired after the row is removed; its version was raised once more before. */
    record Deleted(Programme programme) implements ProgrammeEvent {
    }
}
