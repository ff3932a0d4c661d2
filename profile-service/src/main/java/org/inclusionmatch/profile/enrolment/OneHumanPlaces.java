package org.inclusionmatch.profile.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.AffectsMatching;
import org.inclusionmatch.profile.person.Person;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One human, one place (issue 26): records of one human in several organisations, linked by their personal code
 * (the person's {@code human_key}), share places. A place held through one record keeps the measure, and every measure
 * of the programme it counts against, from the human's other records: refused on referral and on promotion from a
 * waitlist, left out of matching with the reason HELD_ELSEWHERE. What each answer can reveal is in
 * docs/privacy-and-security.md.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OneHumanPlaces {

    /**
     * Per person, the measures held through another record of the same human, directly or through the programme the
     * place counts against. A person without a link has no other record (their key is their own id).
     */
    private static final String HELD_ELSEWHERE = """
            select me.id, m.id
            from person me
            join person other on other.human_key = me.human_key and other.id <> me.id
            join enrolment e on e.person_id = other.id and e.holds_seat
            join measure m on m.id = e.measure_id or (e.programme_id is not null and m.programme_id = e.programme_id)
            where me.id = any(cast(?1 as uuid[])) and me.identity_link is not null""";

    /** The human's other records. */
    private static final String OTHER_RECORDS = """
            select other.id from person me join person other on other.human_key = me.human_key and other.id <> me.id
            where me.id = ?1 and me.identity_link is not null""";

    /** A place of the human's changed: what may be offered to their other records changed. Published as a re-match only. */
    public record PlaceOfSameHumanChanged(Person person) implements AffectsMatching {
    }

    private final EntityManager em;
    private final Event<PlaceOfSameHumanChanged> events;

    public OneHumanPlaces(EntityManager em, Event<PlaceOfSameHumanChanged> events) {
        this.em = em;
        this.events = events;
    }

    public Map<UUID, Set<UUID>> heldElsewhere(Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> held = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(HELD_ELSEWHERE)
                .setParameter(1, "{" + String.join(",", persons.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        for (Object[] row : rows) {
            held.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((UUID) row[1]);
        }
        return held;
    }

    /** Whether the human holds a place in the measure or its programme through another record. */
    public boolean heldElsewhere(UUID personId, Measure measure) {
        return heldElsewhere(List.of(personId)).getOrDefault(personId, Set.of()).contains(measure.id);
    }

    /** Refuses a referral into a measure or programme the human holds a place in elsewhere, naming nobody. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNotHeldElsewhere(UUID personId, Measure measure) {
        if (heldElsewhere(personId, measure)) {
            throw new Conflict(Conflict.Cause.PLACE_ALREADY_HELD, "The person already holds a place in this measure or its "
                    + "programme, recorded elsewhere; one person holds one place");
        }
    }

    /** After the person took or freed a place: their other records are matched again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placeChanged(UUID personId) {
        @SuppressWarnings("unchecked")
        List<UUID> others = em.createNativeQuery(OTHER_RECORDS).setParameter(1, personId).getResultList();
        for (UUID other : others) {
            Person person = Person.findById(other);
            if (person != null) {
                events.fire(new PlaceOfSameHumanChanged(person));
            }
        }
    }
}
