package org.inclusionmatch.profile.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.profile.allocation.AllocationRoundEvent;
import org.inclusionmatch.profile.common.events.DomainEvent;
import org.inclusionmatch.profile.common.events.FlushedEvents;
import org.inclusionmatch.profile.enrolment.EnrolmentEvent;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureEvent;
import org.inclusionmatch.profile.person.AffectsMatching;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonEvent;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.programme.ProgrammeEvent;
import org.inclusionmatch.profile.recommendation.RecommendationEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place where events reach the outbox: observes every {@link DomainEvent}, flushes, and records one row
 * for each published type whose domain event type the event is an instance of. Versions are read after the flush,
 * so an event carries the version the row has in the database, never one computed from an earlier read.
 */
@ApplicationScoped
public class DomainEventRecorder {

    /** What a published event says about its aggregate; read only after the flush. */
    record Subject(UUID id, long version, UUID organisationId) {
    }

    /** A published type, the domain event type it is made from, and how its subject is read from the event. */
    record Rule<E extends DomainEvent>(Class<E> domainType, Function<E, Subject> subject) {

        Subject subjectOf(DomainEvent event) {
            return subject.apply(domainType.cast(event));
        }
    }

    /**
     * Every published type, each made from exactly one domain event type. A change that affects matching does so
     * by implementing {@link AffectsMatching}; nothing else writes PERSON_MATCHING_INPUTS_CHANGED.
     */
    static final Map<EventType, Rule<?>> RULES = rules();

    private final Outbox outbox;
    private final EntityManager entityManager;

    public DomainEventRecorder(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    void record(@Observes DomainEvent event) {
        List<EventType> types = publishedAs(event.getClass());
        if (types.isEmpty()) {
            throw new IllegalStateException("No published event type for " + event.getClass().getName());
        }
        if (!FlushedEvents.callerFlushed()) {
            entityManager.flush(); // the versions below are the ones the rows have now
        }
        for (EventType type : types) {
            Subject subject = RULES.get(type).subjectOf(event);
            outbox.record(type, subject.id(), subject.version(), subject.organisationId());
        }
    }

    /** The published types of a domain event type, in the order of {@link EventType}. */
    static List<EventType> publishedAs(Class<? extends DomainEvent> eventType) {
        List<EventType> types = new ArrayList<>();
        RULES.forEach((type, rule) -> {
            if (rule.domainType().isAssignableFrom(eventType)) {
                types.add(type);
            }
        });
        return types;
    }

    private static Map<EventType, Rule<?>> rules() {
        Map<EventType, Rule<?>> rules = new EnumMap<>(EventType.class);
        rules.put(EventType.PERSON_CREATED, new Rule<>(PersonEvent.Created.class, e -> of(e.person())));
        rules.put(EventType.PERSON_UPDATED, new Rule<>(PersonEvent.Updated.class, e -> of(e.person())));
        rules.put(EventType.PERSON_DELETED, new Rule<>(PersonEvent.Erased.class, e -> of(e.person())));
        rules.put(EventType.PERSON_MATCHING_INPUTS_CHANGED, new Rule<>(AffectsMatching.class, e -> of(e.person())));
        rules.put(EventType.PROGRAMME_CREATED, new Rule<>(ProgrammeEvent.Created.class, e -> of(e.programme())));
        rules.put(EventType.PROGRAMME_UPDATED, new Rule<>(ProgrammeEvent.Updated.class, e -> of(e.programme())));
        rules.put(EventType.PROGRAMME_DELETED, new Rule<>(ProgrammeEvent.Deleted.class, e -> of(e.programme())));
        rules.put(EventType.MEASURE_CREATED, new Rule<>(MeasureEvent.Created.class, e -> of(e.measure())));
        rules.put(EventType.MEASURE_UPDATED, new Rule<>(MeasureEvent.Updated.class, e -> of(e.measure())));
        rules.put(EventType.MEASURE_DELETED, new Rule<>(MeasureEvent.Deleted.class, e -> of(e.measure())));
        rules.put(EventType.RECOMMENDATIONS_UPDATED, new Rule<>(RecommendationEvent.Updated.class,
                e -> new Subject(e.set().personId, e.set().version, e.organisationId())));
        rules.put(EventType.ENROLMENT_CREATED, new Rule<>(EnrolmentEvent.Referred.class,
                e -> new Subject(e.enrolment().id, e.enrolment().version, e.enrolment().organisationId)));
        rules.put(EventType.ENROLMENT_STATUS_CHANGED, new Rule<>(EnrolmentEvent.StatusChanged.class,
                e -> new Subject(e.enrolment().id, e.enrolment().version, e.enrolment().organisationId)));
        rules.put(EventType.ALLOCATION_ROUND_PROPOSED, new Rule<>(AllocationRoundEvent.Proposed.class,
                e -> new Subject(e.round().id, e.round().version, e.round().operatorId)));
        rules.put(EventType.ALLOCATION_ROUND_CONFIRMED, new Rule<>(AllocationRoundEvent.Confirmed.class,
                e -> new Subject(e.round().id, e.round().version, e.round().operatorId)));
        return Collections.unmodifiableMap(rules);
    }

    private static Subject of(Person person) {
        return new Subject(person.id, person.version, person.organisation.id);
    }

    private static Subject of(Programme programme) {
        return new Subject(programme.id, programme.version, programme.operator.id);
    }

    private static Subject of(Measure measure) {
        return new Subject(measure.id, measure.version, measure.provider.id);
    }
}
