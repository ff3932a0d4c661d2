package org.inclusionmatch.profile.enrolment;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.programme.Programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Places of measures and programmes, taken and freed only under row locks: first the programmes' (in id order),
 * then the measure's, in that order everywhere, so concurrent referrals queue up instead of overbooking or
 * deadlocking. A place in a programme is counted against the programme the measure belonged to when the place
 * was taken (the enrolment's {@code programmeId}), and freed there, even if the measure has moved since.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SeatLedger {

    /** A measure, its current programme (if any) and any other programme a place is held in, all locked. */
    public record Locked(Measure measure, Programme programme, Map<UUID, Programme> programmes) {

        Programme programme(UUID id) {
            return id == null ? null : programmes.get(id);
        }
    }

    public Locked lock(UUID measureId) {
        return lock(measureId, null);
    }

    /** Locks what an enrolment's place touches: its measure, the measure's programme and the programme it holds a place in. */
    public Locked lock(Enrolment enrolment) {
        return lock(enrolment.measureId, enrolment.programmeId);
    }

    private Locked lock(UUID measureId, UUID heldInProgrammeId) {
        EntityManager em = Panache.getEntityManager();
        // Ids by a plain query: an entity loaded unlocked first would turn the locking read into a stale-version check.
        List<Object[]> found = em.createQuery(
                        "select m.id, p.id from Measure m left join m.programme p where m.id = :id", Object[].class)
                .setParameter("id", measureId).getResultList();
        if (found.isEmpty()) {
            throw InvalidInput.field("measureId", "no measure has id " + measureId);
        }
        UUID programmeId = (UUID) found.get(0)[1];
        TreeSet<UUID> programmeIds = new TreeSet<>();
        if (programmeId != null) {
            programmeIds.add(programmeId);
        }
        if (heldInProgrammeId != null) {
            programmeIds.add(heldInProgrammeId);
        }
        Map<UUID, Programme> programmes = new HashMap<>();
        for (UUID id : programmeIds) {
            Programme programme = lockFresh(em, Programme.class, id);
            if (programme != null) {
                programmes.put(id, programme);
            }
        }
        Measure measure = lockFresh(em, Measure.class, measureId);
        if (measure == null) {
            throw InvalidInput.field("measureId", "no measure has id " + measureId);
        }
        // The measure may have moved between the first read and its lock; its programme is what it says now.
        Programme current = measure.programme == null ? null : programmes.get(measure.programme.id);
        if (measure.programme != null && current == null) {
            return lock(measureId, heldInProgrammeId); // rare: moved meanwhile; take the locks again in order
        }
        return new Locked(measure, current, programmes);
    }

    /**
     * The row locks, one fixed statement per locked type. Native, because the lock must come before the read: a
     * JPA locking find or refresh of an entity this transaction has loaded checks its version instead of re-reading.
     */
    private static final Map<Class<?>, String> LOCK_ROW = Map.of(
            Measure.class, "select id from measure where id = ?1 for update",
            Programme.class, "select id from programme where id = ?1 for update");

    /** Locks the row (SELECT ... FOR UPDATE), then reads it as it is now, whether or not this transaction saw it before. */
    private static <T> T lockFresh(EntityManager em, Class<T> type, UUID id) {
        if (em.createNativeQuery(LOCK_ROW.get(type)).setParameter(1, id).getResultList().isEmpty()) {
            return null;
        }
        T entity = em.find(type, id);
        em.refresh(entity);
        return entity;
    }

    /**
     * Takes a place for the enrolment's person if the measure and (for a newcomer) the measure's programme have
     * one free, and records on the enrolment which programme the place counts against.
     */
    public boolean tryTake(Locked locked, Enrolment enrolment) {
        if (locked.measure().isFull()) {
            return false;
        }
        Programme programme = locked.programme();
        boolean newToProgramme = programme != null && !holdsProgrammePlace(enrolment.personId, programme.id);
        if (newToProgramme && programme.placesHeld >= programme.capacity) {
            return false;
        }
        locked.measure().seatsHeld++;
        if (newToProgramme) {
            programme.placesHeld++;
        }
        enrolment.holdsSeat = true;
        enrolment.programmeId = programme == null ? null : programme.id;
        return true;
    }

    /** Frees the place the enrolment held; returns the programme in which a place was freed too, if any. */
    public Programme release(Locked locked, Enrolment enrolment) {
        locked.measure().seatsHeld = Math.max(0, locked.measure().seatsHeld - 1);
        enrolment.holdsSeat = false;
        Panache.getEntityManager().flush();
        Programme heldIn = locked.programme(enrolment.programmeId);
        if (heldIn != null && !holdsProgrammePlace(enrolment.personId, heldIn.id)) {
            heldIn.placesHeld = Math.max(0, heldIn.placesHeld - 1);
            return heldIn;
        }
        return null;
    }

    /** Whether the locked programme still has a free place for a newcomer. */
    public boolean hasRoom(Programme programme) {
        return programme == null || programme.placesHeld < programme.capacity;
    }

    private static boolean holdsProgrammePlace(UUID personId, UUID programmeId) {
        Panache.getEntityManager().flush();
        return Enrolment.count("personId = ?1 and programmeId = ?2 and holdsSeat = true", personId,
                Objects.requireNonNull(programmeId)) > 0;
    }
}
