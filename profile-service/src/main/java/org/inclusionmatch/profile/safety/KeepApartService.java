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

    /**
     * Per person (?1), the shared-setting measures where a record of a human they are kept apart from holds a place.
     * A constraint binds humans, not records (issue 26): it may name any record of either, and holds for all of them.
     */
    private static final String BLOCKED = """
            with mine as (
              select me.id as me, r.id as rec from person me join person r on r.human_key = me.human_key
              where me.id = any(cast(?1 as uuid[]))
            ), kept as (
              select mine.me, k.person_b as other from mine join keep_apart k on k.person_a = mine.rec
              union all
              select mine.me, k.person_a as other from mine join keep_apart k on k.person_b = mine.rec
            )
            select distinct kept.me, e.measure_id from kept
            join person o on o.id = kept.other
            join person theirs on theirs.human_key = o.human_key
            join enrolment e on e.person_id = theirs.id and e.holds_seat
            join measure m on m.id = e.measure_id and %s""".formatted(SHARED_SETTING);

    /** Every record of the humans kept apart from the human of ?1, other than that human's own. */
    private static final String PARTNER_RECORDS = """
            with mine as (select r.id from person me join person r on r.human_key = me.human_key where me.id = ?1),
            kept as (
              select k.person_b as other from keep_apart k where k.person_a in (select id from mine)
              union
              select k.person_a from keep_apart k where k.person_b in (select id from mine)
            )
            select distinct theirs.id from kept join person o on o.id = kept.other
            join person theirs on theirs.human_key = o.human_key
            where theirs.id not in (select id from mine)""";

    /** Kept-apart pairs among ?1, through any records of the two humans. */
    private static final String PAIRS_AMONG = """
            with among as (select p.id, p.human_key from person p where p.id = any(cast(?1 as uuid[])))
            select distinct x.id, y.id from keep_apart k
            join person a on a.id = k.person_a
            join person b on b.id = k.person_b
            join among x on x.human_key = a.human_key
            join among y on y.human_key = b.human_key
            where x.id <> y.id""";

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

    /** Every record of the humans the given person's human is kept apart from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> partnersOf(UUID personId) {
        @SuppressWarnings("unchecked")
        List<UUID> partners = KeepApart.getEntityManager().createNativeQuery(PARTNER_RECORDS).setParameter(1, personId).getResultList();
        return new HashSet<>(partners);
    }

    /** Every kept-apart pair of persons among {@code persons}, the constraint recorded on any records of their humans. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID[]> pairsAmong(Collection<UUID> persons) {
        if (persons.isEmpty()) {
            return List.of();
        }
        List<UUID[]> pairs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = KeepApart.getEntityManager().createNativeQuery(PAIRS_AMONG)
                .setParameter(1, "{" + String.join(",", persons.stream().map(UUID::toString).toList()) + "}")
                .getResultList();
        rows.forEach(row -> pairs.add(new UUID[] {(UUID) row[0], (UUID) row[1]}));
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
        List<Object[]> rows = KeepApart.getEntityManager().createNativeQuery(BLOCKED)
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
