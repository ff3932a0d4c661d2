package org.inclusionmatch.profile.safety;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.domain.RuleViolation;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Keep-apart constraints: recorded by a case worker of one person's organisation, seen only by that organisation,
 * and enforced wherever a residential or group place is given: referrals and promotions from the waitlist
 * ({@code enrolment}), allocation rounds, and the matching view (the measure is never offered while the other
 * person holds a place there). Everything it answers to others is about the asking person only ("this measure is
 * blocked for them"), never who the other person is.
 */
@ApplicationScoped
@Transactional
public class KeepApartService {

    /** The neutral code a refused or skipped placement carries: it says neither who nor why. */
    public static final String NEUTRAL_REASON = "PLACEMENT_RESTRICTED";

    private final Event<KeepApartEvent> events;

    public KeepApartService(Event<KeepApartEvent> events) {
        this.events = events;
    }

    /**
     * Whether two kept-apart persons would meet in the measure: it is given in a shared setting (residential or
     * group). The measure's stored setting decides, here and in {@link #SHARED_SETTING}; never its kind.
     */
    public static boolean applies(Measure measure) {
        return measure.groupSetting;
    }

    /** The SQL condition on a measure {@code m} that {@link #applies} answers in Java: the same stored column. */
    static final String SHARED_SETTING = "m.group_setting";

    public KeepApartView record(UUID callerOrganisation, String subject, KeepApartRequest request) {
        Person own = Person.requireIn(callerOrganisation, request.personId());
        if (request.personId().equals(request.otherPersonId())) {
            throw InvalidInput.field("otherPersonId", "must be another person");
        }
        Person other = Person.findById(request.otherPersonId());
        if (other == null) {
            throw InvalidInput.field("otherPersonId", "no person has this id");
        }
        UUID a = min(own.id, other.id);
        UUID b = a.equals(own.id) ? other.id : own.id;
        if (KeepApart.count("personA = ?1 and personB = ?2", a, b) > 0) {
            throw new Conflict(Conflict.Cause.ALREADY_KEPT_APART, "These persons are already kept apart");
        }
        KeepApart constraint = new KeepApart();
        constraint.personA = a;
        constraint.personB = b;
        constraint.recordedByOrganisation = callerOrganisation;
        constraint.recordedBy = subject;
        constraint.persist();
        events.fire(new KeepApartEvent(own));
        events.fire(new KeepApartEvent(other));
        return view(constraint, callerOrganisation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeepApartView> list(UUID callerOrganisation, UUID personId) {
        List<KeepApart> found = personId == null
                ? KeepApart.list("recordedByOrganisation", Sort.ascending("createdAt", "id"), callerOrganisation)
                : KeepApart.list("recordedByOrganisation = ?1 and (personA = ?2 or personB = ?2)",
                Sort.ascending("createdAt", "id"), callerOrganisation, personId);
        return found.stream().map(k -> view(k, callerOrganisation)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeepApartView get(UUID callerOrganisation, UUID id) {
        return view(require(callerOrganisation, id), callerOrganisation);
    }

    public void delete(UUID callerOrganisation, UUID id, String ifMatch) {
        KeepApart constraint = require(callerOrganisation, id);
        ExpectedVersion.check(ifMatch, constraint.version);
        Person a = Person.findById(constraint.personA);
        Person b = Person.findById(constraint.personB);
        constraint.deleteAsNextVersion();
        events.fire(new KeepApartEvent(a));
        events.fire(new KeepApartEvent(b));
    }

    /** Only the recording organisation knows the constraint exists; everyone else gets 404. */
    private static KeepApart require(UUID callerOrganisation, UUID id) {
        return Records.find(KeepApart.class, id).filter(k -> k.recordedByOrganisation.equals(callerOrganisation))
                .orElseThrow(() -> new NotFound("Keep-apart constraint", id));
    }

    private static KeepApartView view(KeepApart k, UUID callerOrganisation) {
        Person a = Person.findById(k.personA);
        boolean aIsOwn = a != null && a.organisation.id.equals(callerOrganisation);
        UUID own = aIsOwn ? k.personA : k.personB;
        return new KeepApartView(k.id, own, k.other(own), k.version, k.createdAt);
    }

    /** The persons the given one is kept apart from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> partnersOf(UUID personId) {
        Set<UUID> partners = new HashSet<>();
        KeepApart.<KeepApart>list("personA = ?1 or personB = ?1", personId).forEach(k -> partners.add(k.other(personId)));
        return partners;
    }

    /** Every kept-apart pair with both persons among {@code persons}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID[]> pairsAmong(Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return List.of();
        }
        List<UUID[]> pairs = new ArrayList<>();
        KeepApart.<KeepApart>list("personA in ?1 and personB in ?1", persons)
                .forEach(k -> pairs.add(new UUID[]{k.personA, k.personB}));
        return pairs;
    }

    /**
     * Per person, the residential and group measures where someone they are kept apart from holds a place now: never
     * to be offered or given to them. Persons without any are absent. One query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Set<UUID>> blockedMeasures(Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> blocked = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = KeepApart.getEntityManager().createNativeQuery("""
                        select k.me, e.measure_id from (
                          select person_a as me, person_b as other from keep_apart where person_a = any(cast(?1 as uuid[]))
                          union all
                          select person_b as me, person_a as other from keep_apart where person_b = any(cast(?1 as uuid[]))
                        ) k
                        join enrolment e on e.person_id = k.other and e.holds_seat
                        join measure m on m.id = e.measure_id and %s""".formatted(SHARED_SETTING))
                .setParameter(1, "{" + String.join(",", persons.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        for (Object[] row : rows) {
            blocked.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((UUID) row[1]);
        }
        return blocked;
    }

    /**
     * Whether giving the person a place in the measure would put them with someone they are kept apart from. Only a
     * measure in a shared setting can (no query for any other: most referrals).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean blocked(UUID personId, Measure measure) {
        return applies(measure) && blockedMeasures(List.of(personId)).getOrDefault(personId, Set.of()).contains(measure.id);
    }

    /** Refuses a referral the constraint forbids, with a neutral problem that names neither the other person nor the reason. */
    public void requireAllowed(UUID personId, Measure measure) {
        if (blocked(personId, measure)) {
            throw new RuleViolation(RuleViolation.Rule.PLACEMENT_RESTRICTED,
                    "This measure cannot take this person at present; choose another measure (" + NEUTRAL_REASON + ")");
        }
    }

    /**
     * A person took or freed a place in a measure: if it is residential or group, what may be offered to those kept
     * apart from them changed, so they are re-matched (published as a re-match only).
     */
    public void placeChanged(UUID personId, Measure measure) {
        if (!applies(measure)) {
            return;
        }
        for (UUID partner : partnersOf(personId)) {
            Person person = Person.findById(partner);
            if (person != null) {
                events.fire(new KeepApartEvent(person));
            }
        }
    }

    private static UUID min(UUID x, UUID y) {
        // PostgreSQL orders uuids by their bytes, as the lower-case text form orders; UUID.compareTo is signed.
        return x.toString().compareTo(y.toString()) <= 0 ? x : y;
    }
}
