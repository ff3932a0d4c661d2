package org.inclusionmatch.profile.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonChanges;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
            throw new Conflict("The person has withdrawn from matching; no recommendations are kept");
        }
        if (request.profileVersion() != person.version) {
            throw new Conflict("Computed from profile version " + request.profileVersion()
                    + ", but the profile is at version " + person.version + "; a newer result will follow");
        }
        RecommendationSet set = RecommendationSet.<RecommendationSet>findByIdOptional(personId).orElse(null);
        String items = write(request.recommendations());
        if (set != null && set.profileVersion == request.profileVersion() && set.items.equals(items)
                && set.engineVersion.equals(request.engineVersion()) && set.evaluationDay.equals(request.evaluationDay())) {
            return new Stored(view(set), false);
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
        events.fire(new RecommendationEvent.Updated(set, person.organisation.id));
        return new Stored(view(set), true);
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
