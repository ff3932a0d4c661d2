package org.inclusionmatch.contracts.events;

/** What happened to which kind of aggregate; the topic follows from the aggregate. */
public enum EventType {
    PERSON_CREATED(Aggregate.PERSON),
    PERSON_UPDATED(Aggregate.PERSON),
    PERSON_DELETED(Aggregate.PERSON),
    PROGRAMME_CREATED(Aggregate.PROGRAMME),
    PROGRAMME_UPDATED(Aggregate.PROGRAMME),
    PROGRAMME_DELETED(Aggregate.PROGRAMME),
    MEASURE_CREATED(Aggregate.MEASURE),
    MEASURE_UPDATED(Aggregate.MEASURE),
    MEASURE_DELETED(Aggregate.MEASURE),
    RECOMMENDATIONS_UPDATED(Aggregate.RECOMMENDATIONS);

    public enum Aggregate { PERSON, PROGRAMME, MEASURE, RECOMMENDATIONS }

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
