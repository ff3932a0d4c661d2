package org.inclusionmatch.profile.allocation;

import org.inclusionmatch.profile.common.events.DomainEvent;

/** What happens to a round; published on the enrolments topic with the round id as subject, nothing personal. */
public sealed interface AllocationRoundEvent extends DomainEvent {

    AllocationRound round();

    record Proposed(AllocationRound round) implements AllocationRoundEvent {
    }

    record Confirmed(AllocationRound round) implements AllocationRoundEvent {
    }
}
