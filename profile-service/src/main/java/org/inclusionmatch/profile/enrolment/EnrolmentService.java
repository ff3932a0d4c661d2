package org.inclusionmatch.profile.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.QueryFilter;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.common.ExpectedVersion;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureEvent;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonChanges;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.safety.KeepApartService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Referrals and their life: a place if one is free, the waitlist otherwise, and the first on the waitlist gets
 * the place another frees. Visible to the person's organisation and to the measure's provider.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    private final SeatLedger seats;
    private final Event<EnrolmentEvent> events;
    private final Event<MeasureEvent> measureEvents;
    private final KeepApartService keepApart;

    public EnrolmentService(SeatLedger seats, Event<EnrolmentEvent> events, Event<MeasureEvent> measureEvents,
                            KeepApartService keepApart) {
        this.seats = seats;
        this.events = events;
        this.measureEvents = measureEvents;
        this.keepApart = keepApart;
    }

    public EnrolmentView refer(UUID organisationId, UUID personId, UUID measureId) {
        return refer(organisationId, personId, measureId, ReferralTerms.NONE);
    }

    /** A referral with what the referrer tells the provider (see {@link ReferralTerms}), checked before anything is stored. */
    public EnrolmentView refer(UUID organisationId, UUID personId, UUID measureId, ReferralTerms terms) {
        Person person = Person.requireIn(organisationId, personId, LockModeType.PESSIMISTIC_READ); // person, then places
        SeatLedger.Locked locked = seats.lock(measureId);
        if (Enrolment.count("personId = ?1 and measureId = ?2 and status in ?3", personId, measureId, openStatuses()) > 0) {
            throw new Conflict(Conflict.Cause.ALREADY_ENROLLED, "The person already has an open enrolment in this measure");
        }
        // A residential or group place beside someone the person is kept apart from: refused, neutrally.
        keepApart.requireAllowed(person.id, locked.measure());
        ReferralTerms resolved = terms.resolve(person, locked.measure());
        boolean wasFull = locked.measure().isFull();
        // Those waiting go first: a place freed by a raised capacity is theirs, not the newcomer's.
        promoteOnMeasure(locked);
        Enrolment enrolment = new Enrolment();
        enrolment.personId = person.id;
        enrolment.organisationId = organisationId;
        enrolment.measureId = measureId;
        enrolment.programmeId = locked.programme() == null ? null : locked.programme().id;
        resolved.applyTo(enrolment);
        if (seats.tryTake(locked, enrolment)) {
            enrolment.status = EnrolmentStatus.REFERRED;
        } else {
            enrolment.status = EnrolmentStatus.WAITLISTED;
            enrolment.waitlistSeq = ((Number) Enrolment.getEntityManager()
                    .createNativeQuery("select nextval('waitlist_seq')").getSingleResult()).longValue();
        }
        enrolment.persist();
        events.fire(new EnrolmentEvent.Referred(enrolment, person));
        if (enrolment.holdsSeat) {
            keepApart.placeChanged(person.id, locked.measure());
        }
        announceAvailability(locked, wasFull);
        return EnrolmentView.of(enrolment);
    }

    public EnrolmentView transition(UUID callerOrganisation, UUID id, EnrolmentStatus target, String reason, String ifMatch) {
        Enrolment enrolment = require(callerOrganisation, id);
        // Person, then places, in the order referrals and erasure take them: an erasure (which deletes the enrolment)
        // either finished before, and the person is gone, or waits until this transition is done.
        if (Person.findById(enrolment.personId, LockModeType.PESSIMISTIC_READ) == null) {
            throw new NotFound("Enrolment", id);
        }
        SeatLedger.Locked locked = seats.lock(enrolment);
        Enrolment.getEntityManager().refresh(enrolment); // its state as of now, under the measure's lock
        ExpectedVersion.check(ifMatch, enrolment.version);
        if (!enrolment.status.next().contains(target)) {
            throw new Conflict(Conflict.Cause.ILLEGAL_TRANSITION, "An enrolment cannot go from " + enrolment.status + " to " + target
                    + "; allowed: " + (enrolment.status.next().isEmpty() ? "none (final)" : enrolment.status.next()));
        }
        if (target.needsReason() && (reason == null || reason.isBlank())) {
            throw InvalidInput.field("reason", "is required when moving to " + target);
        }
        boolean wasFull = locked.measure().isFull();
        EnrolmentStatus from = enrolment.status;
        enrolment.status = target;
        enrolment.reason = target.needsReason() ? reason : null;
        if (from == EnrolmentStatus.WAITLISTED) {
            enrolment.waitlistSeq = null;
        }
        if (enrolment.holdsSeat && !target.holdsPlace()) {
            Programme programmePlaceFreed = seats.release(locked, enrolment);
            keepApart.placeChanged(enrolment.personId, locked.measure());
            promoteOnMeasure(locked);
            if (programmePlaceFreed != null) {
                promoteInProgramme(programmePlaceFreed, locked);
            }
        }
        // After the place is released: that is the enrolment's last change in this transaction.
        events.fire(target == EnrolmentStatus.CANCELLED
                ? new EnrolmentEvent.Cancelled(enrolment, Person.findById(enrolment.personId))
                : new EnrolmentEvent.Moved(enrolment));
        announceAvailability(locked, wasFull);
        Enrolment.getEntityManager().flush();
        return EnrolmentView.of(enrolment);
    }

    /**
     * Before a person is erased: cancels their open enrolments, so that the places they held go to the waitlist
     * and the counters stay true when the rows disappear with the person.
     */
    void withdrawAll(@Observes PersonChanges.Erasing erasing) {
        for (Enrolment open : Enrolment.<Enrolment>list("personId = ?1 and status in ?2", erasing.person().id, openStatuses())) {
            transition(open.organisationId, open.id, EnrolmentStatus.CANCELLED, "PERSON_ERASED", null);
        }
    }

    /** After a measure's capacity rose or its outside count fell: the freed places go to its waitlist, in order. */
    void measureCapacityRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) Measure.CapacityRaised raised) {
        QuarkusTransaction.requiringNew().run(() -> {
            SeatLedger.Locked locked = seats.lock(raised.measureId());
            boolean wasFull = locked.measure().isFull();
            promoteOnMeasure(locked);
            announceAvailability(locked, wasFull);
        });
    }

    /** After a programme's capacity rose: the freed places go to those waiting on its measures, in order. */
    void programmeCapacityRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) Programme.CapacityRaised raised) {
        QuarkusTransaction.requiringNew().run(() -> {
            Programme programme = Programme.findById(raised.programmeId());
            if (programme != null) {
                promoteInProgramme(programme, null);
            }
        });
    }

    /** Gives free places of one measure to its waitlist, first come first served, while there are any. */
    private void promoteOnMeasure(SeatLedger.Locked locked) {
        for (Enrolment waiting : Enrolment.<Enrolment>list("measureId = ?1 and status = ?2", Sort.ascending("waitlistSeq"),
                locked.measure().id, EnrolmentStatus.WAITLISTED)) {
            if (keepApart.blocked(waiting.personId, locked.measure())) {
                continue; // waits on, until the person they are kept apart from has left
            }
            if (!seats.tryTake(locked, waiting)) {
                return;
            }
            promoted(waiting);
        }
    }

    /**
     * Gives the programme's free places to those waiting on any of its measures, in the order they joined the
     * waitlists. {@code alreadyLocked}: a measure whose locks this transaction holds, reused rather than taken again.
     */
    private void promoteInProgramme(Programme freed, SeatLedger.Locked alreadyLocked) {
        for (Enrolment waiting : Enrolment.<Enrolment>list("status = ?1 and measureId in "
                        + "(select m.id from Measure m where m.programme.id = ?2)", Sort.ascending("waitlistSeq"),
                EnrolmentStatus.WAITLISTED, freed.id)) {
            SeatLedger.Locked other = alreadyLocked != null && waiting.measureId.equals(alreadyLocked.measure().id)
                    ? alreadyLocked : seats.lock(waiting.measureId);
            if (!seats.hasRoom(other.programme())) {
                return;
            }
            boolean wasFull = other.measure().isFull();
            if (!keepApart.blocked(waiting.personId, other.measure()) && seats.tryTake(other, waiting)) {
                promoted(waiting);
                announceAvailability(other, wasFull);
            }
        }
    }

    private void promoted(Enrolment waiting) {
        waiting.status = EnrolmentStatus.REFERRED;
        waiting.waitlistSeq = null;
        events.fire(new EnrolmentEvent.Moved(waiting));
        keepApart.placeChanged(waiting.personId, Measure.<Measure>findById(waiting.measureId));
    }

    /**
     * A measure that became full or free again changes what the worker may offer. Called after the last seat
     * change of the measure in this transaction, since the event carries the version the measure has then.
     */
    private void announceAvailability(SeatLedger.Locked locked, boolean wasFull) {
        Measure measure = locked.measure();
        if (measure.isFull() != wasFull) {
            measureEvents.fire(new MeasureEvent.Updated(measure));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EnrolmentView get(UUID callerOrganisation, UUID id) {
        return EnrolmentView.of(require(callerOrganisation, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrolmentView> list(UUID callerOrganisation, UUID personId, UUID measureId, EnrolmentStatus status,
                                          PageParams page) {
        QueryFilter filter = new QueryFilter().equal("personId", personId).equal("measureId", measureId).equal("status", status)
                .always("(organisationId = :caller or measureId in (select m.id from Measure m where m.provider.id = :caller))",
                        "caller", callerOrganisation);
        return PageResult.of(Enrolment.find(filter.where(), Sort.ascending("createdAt", "id"), filter.parameters()), page, EnrolmentView::of);
    }

    /** Whether the person has an open enrolment (waiting or holding a place) in the measure. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasOpenEnrolment(UUID personId, UUID measureId) {
        return Enrolment.count("personId = ?1 and measureId = ?2 and status in ?3", personId, measureId, openStatuses()) > 0;
    }

    /** All of a person's enrolments, for their export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EnrolmentView> ofPerson(UUID personId) {
        return Enrolment.<Enrolment>list("personId", Sort.ascending("createdAt", "id"), personId).stream()
                .map(EnrolmentView::of).toList();
    }

    /** Measures never to recommend to the person again: every enrolment but a cancelled one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> enrolledMeasures(UUID personId) {
        return enrolledMeasures(List.of(personId)).getOrDefault(personId, List.of());
    }

    /** {@link #enrolledMeasures(UUID)} of several persons in one query; a person without any is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> enrolledMeasures(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> measures = new HashMap<>();
        Enrolment.getEntityManager().createQuery("select distinct e.personId, e.measureId from Enrolment e"
                        + " where e.personId in :persons and e.status != :cancelled", Object[].class)
                .setParameter("persons", personIds)
                .setParameter("cancelled", EnrolmentStatus.CANCELLED)
                .getResultList()
                .forEach(row -> measures.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]));
        return measures;
    }

    /**
     * The programmes each person holds a place in (a place counted against the programme, see SeatLedger), in one
     * query; a person without any is absent. A full programme still lets such a person take another of its measures.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> heldProgrammes(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> programmes = new HashMap<>();
        Enrolment.getEntityManager().createQuery("select distinct e.personId, e.programmeId from Enrolment e"
                        + " where e.personId in :persons and e.holdsSeat = true and e.programmeId is not null", Object[].class)
                .setParameter("persons", personIds)
                .getResultList()
                .forEach(row -> programmes.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]));
        return programmes;
    }

    /** The person's organisation or the measure's provider may see and move an enrolment; others get 404. */
    private static Enrolment require(UUID callerOrganisation, UUID id) {
        return Records.find(Enrolment.class, id)
                .filter(enrolment -> enrolment.organisationId.equals(callerOrganisation)
                        || callerOrganisation.equals(providerOf(enrolment.measureId)))
                .orElseThrow(() -> new NotFound("Enrolment", id));
    }

    /** By a plain query, so the measure is not loaded before SeatLedger locks it. */
    private static UUID providerOf(UUID measureId) {
        return Enrolment.getEntityManager().createQuery("select m.provider.id from Measure m where m.id = :id", UUID.class)
                .setParameter("id", measureId).getSingleResult();
    }

    private static List<EnrolmentStatus> openStatuses() {
        return List.of(EnrolmentStatus.WAITLISTED, EnrolmentStatus.REFERRED, EnrolmentStatus.ACCEPTED, EnrolmentStatus.ENROLLED);
    }
}
