package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.inclusionmatch.profile.common.events.FlushedEvents;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.measure.MeasureService;
import org.inclusionmatch.profile.measure.MeasureSummary;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonChanges;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private static final TypeReference<List<RecommendationsRequest.WhyNot>> WHY_NOT = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Event<RecommendationEvent> events;
    private final MeasureService measures;

    public RecommendationService(ObjectMapper json, Event<RecommendationEvent> events, MeasureService measures) {
        this.json = json;
        this.events = events;
        this.measures = measures;
    }

    /**
     * The person's current lists, each item with its measure's summary: two reads whatever the lists' length (the
     * set, then the summaries of every measure either list names, in one query).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationsView get(UUID organisationId, UUID personId) {
        Person person = Person.requireIn(organisationId, personId);
        if (!person.matchingAllowed) {
            return empty(personId, RecommendationsView.Status.WITHDRAWN);
        }
        RecommendationSet set = RecommendationSet.findById(personId);
        if (set == null) {
            return empty(personId, RecommendationsView.Status.PENDING);
        }
        return view(set, readItems(set), readWhyNot(set), set.profileVersion == person.version
                ? RecommendationsView.Status.COMPUTED : RecommendationsView.Status.OUTDATED);
    }

    /** Nothing stored: not computed yet, or not to be computed. */
    private static RecommendationsView empty(UUID personId, RecommendationsView.Status status) {
        return new RecommendationsView(personId, status, null, null, null, null, 0, List.of(), List.of());
    }

    /** The measures recommended to the person now, in rank order (no summaries: for the decision rules). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> recommendedMeasures(UUID organisationId, UUID personId) {
        Person.requireIn(organisationId, personId);
        RecommendationSet set = RecommendationSet.findById(personId);
        return set == null ? List.of() : readItems(set).stream().map(RecommendationsRequest.Item::measureId).toList();
    }

    /** Stores the list; returns whether anything changed. */
    public Stored store(UUID personId, RecommendationsRequest request) {
        Person person = Records.require(Person.class, personId, "Person");
        if (!person.matchingAllowed) {
            throw new Conflict(Conflict.Cause.MATCHING_WITHDRAWN, "The person has withdrawn from matching; no recommendations are kept");
        }
        if (request.profileVersion() != person.version) {
            throw new Conflict(Conflict.Cause.STALE_PROFILE_VERSION, "Computed from profile version " + request.profileVersion()
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
     * WITHDRAWN, an unknown person's NOT_FOUND; none of them fails the others. A fixed number of statements for the
     * whole batch (the persons, their sets, one batched upsert, the recommended-measure index), then one outbox row
     * per stored set. The persistence context is emptied after each event, so the flush each event makes costs
     * the same for the first result and the five-hundredth.
     */
    public List<BatchOutcome> storeAll(List<RecommendationBatchRequest.Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        EntityManager em = RecommendationSet.getEntityManager();
        List<UUID> ids = items.stream().map(RecommendationBatchRequest.Item::personId).toList();
        Map<UUID, PersonState> persons = new HashMap<>();
        em.createQuery("select p.id, p.version, p.matchingAllowed, p.organisation.id from Person p where p.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> persons.put((UUID) row[0], new PersonState((Long) row[1], (Boolean) row[2], (UUID) row[3])));
        Map<UUID, RecommendationSet> current = new HashMap<>();
        RecommendationSet.<RecommendationSet>list("personId in ?1", ids).forEach(set -> current.put(set.personId, set));
        em.flush();
        em.clear(); // the sets are read, never written through the context: the upsert below writes them

        Map<UUID, List<RecommendationsRequest.Item>> changed = new HashMap<>();
        List<RecommendationSet> stored = new ArrayList<>();
        List<BatchOutcome> outcomes = new ArrayList<>(items.size());
        Instant now = Instant.now();
        for (RecommendationBatchRequest.Item item : items) {
            PersonState person = persons.get(item.personId());
            if (person == null) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.NOT_FOUND, null));
            } else if (!person.matchingAllowed()) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.WITHDRAWN, null));
            } else if (item.profileVersion() != person.version()) {
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.STALE, null));
            } else {
                RecommendationsRequest request = item.request();
                RecommendationSet set = current.get(item.personId());
                String json = write(request.recommendations());
                String whyNot = write(request.whyNotOrNone());
                if (unchanged(set, request, json, whyNot)) {
                    outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.UNCHANGED, set.version));
                    continue;
                }
                RecommendationSet next = new RecommendationSet();
                next.personId = item.personId();
                next.version = set == null ? 0 : set.version + 1;
                next.profileVersion = request.profileVersion();
                next.engineVersion = request.engineVersion();
                next.evaluationDay = request.evaluationDay();
                next.computedAt = request.computedAt();
                next.items = json;
                next.whyNot = whyNot;
                next.storedAt = now;
                stored.add(next);
                changed.put(next.personId, request.recommendations());
                outcomes.add(new BatchOutcome(item.personId(), BatchOutcome.Status.STORED, next.version));
            }
        }
        // In person order, so two batches that share persons (a worker's concurrent batches, a re-match beside
        // first matching) lock their rows in the same order instead of deadlocking.
        stored.sort(java.util.Comparator.comparing(set -> set.personId));
        upsert(em, stored);
        index(changed);
        // The sets went in by the upsert above, so their versions are final: one flush after all the events sends
        // their outbox rows in JDBC batches (a flush per event was a round trip per person).
        FlushedEvents.fireAfterFlush(() -> stored.forEach(set ->
                events.fire(new RecommendationEvent.Updated(set, persons.get(set.personId).organisationId()))));
        em.flush();
        em.clear();
        return outcomes;
    }

    private static boolean unchanged(RecommendationSet set, RecommendationsRequest request, String items, String whyNot) {
        return set != null && set.profileVersion == request.profileVersion() && set.items.equals(items)
                && whyNot.equals(set.whyNot)
                && set.engineVersion.equals(request.engineVersion()) && set.evaluationDay.equals(request.evaluationDay());
    }

    /** Writes the sets with one batched statement on the transaction's connection. */
    private static void upsert(EntityManager em, List<RecommendationSet> sets) {
        if (sets.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into recommendation_set (person_id, profile_version, engine_version, evaluation_day,
                                                    computed_at, items, version, stored_at, why_not)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (person_id) do update set profile_version = excluded.profile_version,
                        engine_version = excluded.engine_version, evaluation_day = excluded.evaluation_day,
                        computed_at = excluded.computed_at, items = excluded.items, version = excluded.version,
                        stored_at = excluded.stored_at, why_not = excluded.why_not""")) {
                for (RecommendationSet set : sets) {
                    upsert.setObject(1, set.personId);
                    upsert.setLong(2, set.profileVersion);
                    upsert.setString(3, set.engineVersion);
                    upsert.setObject(4, set.evaluationDay);
                    upsert.setObject(5, set.computedAt.atOffset(ZoneOffset.UTC));
                    upsert.setString(6, set.items);
                    upsert.setLong(7, set.version);
                    upsert.setObject(8, set.storedAt.atOffset(ZoneOffset.UTC));
                    upsert.setString(9, set.whyNot);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** What the stale-version guard and the event need of a person, without loading the profile. */
    private record PersonState(long version, boolean matchingAllowed, UUID organisationId) {
    }

    /** Stores one result whose person passed the guard; an identical one changes nothing and announces nothing. */
    private Stored apply(UUID personId, UUID organisationId, RecommendationSet set, RecommendationsRequest request,
                         Map<UUID, List<RecommendationsRequest.Item>> changed) {
        String items = write(request.recommendations());
        String whyNot = write(request.whyNotOrNone());
        if (unchanged(set, request, items, whyNot)) {
            return new Stored(view(set, request.recommendations(), request.whyNotOrNone(), RecommendationsView.Status.COMPUTED), false);
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
        set.whyNot = whyNot;
        set.storedAt = Instant.now();
        set.persist();
        events.fire(new RecommendationEvent.Updated(set, organisationId));
        changed.put(personId, request.recommendations());
        return new Stored(view(set, request.recommendations(), request.whyNotOrNone(), RecommendationsView.Status.COMPUTED), true);
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

    /** The stored lists as they are read: each item with its measure's summary, all summaries in one query. */
    private RecommendationsView view(RecommendationSet set, List<RecommendationsRequest.Item> items,
                                     List<RecommendationsRequest.WhyNot> whyNot, RecommendationsView.Status status) {
        List<UUID> named = new ArrayList<>();
        items.forEach(item -> named.add(item.measureId()));
        whyNot.forEach(left -> named.add(left.measureId()));
        Map<UUID, MeasureSummary> summaries = measures.summaries(named);
        return new RecommendationsView(set.personId, status, set.profileVersion, set.engineVersion, set.evaluationDay,
                set.computedAt, set.version,
                items.stream().map(item -> new RecommendationsView.Recommendation(item.rank(), item.measureId(),
                        item.measureCode(), item.score(), item.reasons(), summaries.get(item.measureId()))).toList(),
                whyNot.stream().map(left -> new RecommendationsView.WhyNot(left.measureId(), left.measureCode(),
                        left.unmet(), left.changes(), summaries.get(left.measureId()))).toList());
    }

    private List<RecommendationsRequest.Item> readItems(RecommendationSet set) {
        try {
            return json.readValue(set.items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored recommendations cannot be read", e);
        }
    }

    private List<RecommendationsRequest.WhyNot> readWhyNot(RecommendationSet set) {
        try {
            return set.whyNot == null ? List.of() : json.readValue(set.whyNot, WHY_NOT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored recommendations cannot be read", e);
        }
    }

    private String write(List<?> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recommendations cannot be written", e);
        }
    }
}
