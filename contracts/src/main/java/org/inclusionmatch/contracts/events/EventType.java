package org.inclusionmatch.contracts.events;

/** What happened to which kind of aggregate; the topic follows from the aggregate. */
public enum EventType {
    PERSON_CREATED(Aggregate.PERSON),
    PERSON_UPDATED(Aggregate.PERSON),
    PERSON_DELETED(Aggregate.PERSON),
    /** The profile is unchanged but what may be recommended is not: an enrolment or a declined recommendation. */
    PERSON_MATCHING_INPUTS_CHANGED(Aggregate.PERSON),
    PROGRAMME_CREATED(Aggregate.PROGRAMME),
    PROGRAMME_UPDATED(Aggregate.PROGRAMME),
    PROGRAMME_DELETED(Aggregate.PROGRAMME),
    MEASURE_CREATED(Aggregate.MEASURE),
    MEASURE_UPDATED(Aggregate.MEASURE),
    MEASURE_DELETED(Aggregate.MEASURE),
    RECOMMENDATIONS_UPDATED(Aggregate.RECOMMENDATIONS),
    ENROLMENT_CREATED(Aggregate.ENROLMENT),
    ENROLMENT_STATUS_CHANGED(Aggregate.ENROLMENT),
    /** An allocation round was opened and the solver's proposal stored (ids and counts only, like every event). */
    ALLOCATION_ROUND_PROPOSED(Aggregate.ALLOCATION_ROUND),
    /** The operator confirmed a round: its referrals and waitlist entries are published as enrolment events. */
    ALLOCATION_ROUND_CONFIRMED(Aggregate.ALLOCATION_ROUND);

    public enum Aggregate { PERSON, PROGRAMME, MEASURE, RECOMMENDATIONS, ENROLMENT, ALLOCATION_ROUND }

    private final Aggregate aggregate;

    EventType(Aggregate aggregate) {
        this.aggregate = aggregate;
    }

    public Aggregate aggregate() {
        return aggregate;
    }

    public boolean isCatalogue() {
        return aggregate == Aggregate.PROGRAMME || aggregate == Aggregate.MEASURE;
    }
}
