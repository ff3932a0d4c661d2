package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonChanges;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps each person's current recommendations. A result computed from another profile version than the current
 * one is refused (a newer event is on its way), and storing the same result again changes nothing and announces
 * nothing, so redelivered events are harmless.
 */
@ApplicationScoped
@Transactional
public class RecommendationService {

    private static final TypeReference<List<RecommendationsRequest.Item>> ITEMS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Event<RecommendationEvent> events;

    public RecommendationService(ObjectMapper json, Event<RecommendationEvent> events) {
        this.json = json;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationsView get(UUID organisationId, UUID personId) {
        Person.requireIn(organisationId, personId);
        RecommendationSet set = RecommendationSet.findById(personId);
        return set == null ? new RecommendationsView(personId, null, null, null, null, 0, List.of()) : view(set);
    }

    /** Stores the list; returns whether anything changed. */
    public Stored store(UUID personId, RecommendationsRequest request) {
        Person person = Records.require(Person.class, personId, "Person");
        if (!person.matchingAllowed) {
            throw ApiException.conflict("The person has withdrawn from matching; no recommendations are kept");
        }
        if (request.profileVersion() != person.version) {
            throw ApiException.conflict("Computed from profile version " + request.profileVersion()
                    + ", but the profile is at version " + person.version + "; a newer result will follow");
        }
        RecommendationSet set = RecommendationSet.<RecommendationSet>findByIdOptional(personId).orElse(null);
        Map<UUID, List<RecommendationsRequest.Item>> changed = new HashMap<>();
        Stored stored = apply(personId, person.organisation.id, set, request, changed);
        index(changed);
        return stored;
    }

    /**
     * Stores the results of many persons in one transaction, each under the same rules as {@link #store}: a result
     * from another profile version than the current one is reported STALE and not stored, a withdrawn person's
     * WITHDRAWN, an unknown person's NOT_FOUND; none of them fails the others. Reads the persons and their sets with
     * one query each, and keeps the recommended-measure index with two statements for the whole batch.
     */
    public List<BatchOutcome> storeAll(List<RecommendationBatchRequest.Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = items.stream().map(RecommendationBatchRequest.Item::personId).toList();
        Map<UUID, PersonState> persons = new HashMap<>();
        RecommendationSet.getEntityManager().createQuery("select p.id, p.version, p.matchingAllowed, p.organisation.id"
                        + " from Person p where p.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> persons.put((UUID) row[0], new PersonState((Long) row[1], (Boolean) row[2], (UUID) row[3])));
        Map<UUID, RecommendationSet> sets = new HashMap<>();
        RecommendationSet.<RecommendationSet>list("personId in ?1", ids).forEach(set -> sets.put(set.personId, set));
        Map<UUID, List<RecommendationsRequest.Item>> changed = new HashMap<>();
        List<BatchOutcome> outcomes = new ArrayList<>(items.size());
        for (RecommendationBatchRequest.Item item : items) {
            PersonState person = persons.get(item.personId());
            if (person == null) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.NOT_FOUND, null));
            } else if (!person.matchingAllowed()) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.WITHDRAWN, null));
            } else if (item.profileVersion() != person.version()) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.STALE, null));
            } else {
                Stored stored = apply(item.personId(), person.organisationId(), sets.get(item.personId()),
                        item.request(), changed);
                outcomes.add(new BatchOutcome(item.personId(),
                        stored.changed() ? BatchOutcome.Status.STORED : BatchOutcome.Status.UNCHANGED,
                        stored.view().version()));
            }
        }
        index(changed);
        return outcomes;
    }

    /** What the stale-version guard and the event need of a person, without loading the profile. */
    private record PersonState(long version, boolean matchingAllowed, UUID organisationId) {
    }

    /** Stores one result whose person passed the guard; an identical one changes nothing and announces nothing. */
    private Stored apply(UUID personId, UUID organisationId, RecommendationSet set, RecommendationsRequest request,
                         Map<UUID, List<RecommendationsRequest.Item>> changed) {
        String items = write(request.recommendations());
        if (set != null && set.profileVersion == request.profileVersion() && set.items.equals(items)
                && set.engineVersion.equals(request.engineVersion()) && set.evaluationDay.equals(request.evaluationDay())) {
            return new Stored(view(set, request.recommendations()), false);
        }
        if (set == null) {
            set = new RecommendationSet();
            set.personId = personId;
            set.version = 0;
        } else {
            set.version++;
        }
        set.profileVersion = request.profileVersion();
        set.engineVersion = request.engineVersion();
        set.evaluationDay = request.evaluationDay();
        set.computedAt = request.computedAt();
        set.items = items;
        set.storedAt = Instant.now();
        set.persist();
        events.fire(new RecommendationEvent.Updated(set, organisationId));
        changed.put(personId, request.recommendations());
        return new Stored(view(set, request.recommendations()), true);
    }

    /**
     * Keeps recommended_measure in step with the stored sets, so a catalogue change finds who has a measure
     * recommended by index. Runs after the sets are written (its rows reference them).
     */
    private void index(Map<UUID, List<RecommendationsRequest.Item>> changed) {
        if (changed.isEmpty()) {
            return;
        }
        EntityManager em = RecommendationSet.getEntityManager();
        em.flush();
        em.createNativeQuery("delete from recommended_measure where person_id = any(cast(?1 as uuid[]))")
                .setParameter(1, uuidArray(changed.keySet()))
                .executeUpdate();
        List<UUID> measures = new ArrayList<>();
        List<UUID> persons = new ArrayList<>();
        changed.forEach((person, items) -> items.stream().map(RecommendationsRequest.Item::measureId).distinct()
                .forEach(measure -> {
                    measures.add(measure);
                    persons.add(person);
                }));
        if (!measures.isEmpty()) {
            em.createNativeQuery("insert into recommended_measure (measure_id, person_id)"
                            + " select m, p from unnest(cast(?1 as uuid[]), cast(?2 as uuid[])) as t(m, p)")
                    .setParameter(1, uuidArray(measures))
                    .setParameter(2, uuidArray(persons))
                    .executeUpdate();
        }
    }

    /** UUIDs as a PostgreSQL array literal: their text needs no escaping. */
    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Removes a person's recommendations when they withdraw from matching; announces it when there were any. */
    void clear(@Observes PersonChanges.MatchingWithdrawn withdrawn) {
        Person person = withdrawn.person();
        RecommendationSet set = RecommendationSet.findById(person.id);
        if (set != null) {
            set.version++; // clearing is a change of the set too
            set.delete();
            events.fire(new RecommendationEvent.Updated(set, person.organisation.id));
        }
    }

    public record Stored(RecommendationsView view, boolean changed) {
    }

    private static RecommendationsView view(RecommendationSet set, List<RecommendationsRequest.Item> items) {
        return new RecommendationsView(set.personId, set.profileVersion, set.engineVersion, set.evaluationDay,
                set.computedAt, set.version, items);
    }

    private RecommendationsView view(RecommendationSet set) {
        try {
            return new RecommendationsView(set.personId, set.profileVersion, set.engineVersion, set.evaluationDay,
                    set.computedAt, set.version, json.readValue(set.items, ITEMS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored recommendations cannot be read", e);
        }
    }

    private String write(List<RecommendationsRequest.Item> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recommendations cannot be written", e);
        }
    }
}
