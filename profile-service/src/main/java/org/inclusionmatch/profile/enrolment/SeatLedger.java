package org.inclusionmatch.profile.enrolment;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.programme.Programme;

import java.util.List;
import java.util.UUID;

/**
 * Places of measures and programmes, taken and freed only under row locks: first the programme's, then the
 * measure's, in that order everywhere, so concurrent referrals queue up instead of overbooking or deadlocking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SeatLedger {

    /** A measure and its programme (if any), both locked for the rest of the transaction. */
    public record Locked(Measure measure, Programme programme) {
    }

    public Locked lock(UUID measureId) {
        EntityManager em = Panache.getEntityManager();
        // Ids by a plain query: an entity loaded unlocked first would turn the locking read into a stale-version check.
        List<Object[]> found = em.createQuery(
                        "select m.id, p.id from Measure m left join m.programme p where m.id = :id", Object[].class)
                .setParameter("id", measureId).getResultList();
        if (found.isEmpty()) {
            throw ApiException.invalidField("measureId", "no measure has id " + measureId);
        }
        UUID programmeId = (UUID) found.get(0)[1];
        Programme programme = programmeId == null ? null : lockFresh(em, Programme.class, "programme", programmeId);
        return new Locked(lockFresh(em, Measure.class, "measure", measureId), programme);
    }

    /** Locks the row (SELECT ... FOR UPDATE), then reads it as it is now, whether or not this transaction saw it before. */
    private static <T> T lockFresh(EntityManager em, Class<T> type, String table, UUID id) {
        em.createNativeQuery("select id from " + table + " where id = ?1 for update").setParameter(1, id).getResultList();
        T entity = em.find(type, id);
        em.refresh(entity);
        return entity;
    }

    /** Takes a place for the person if the measure and (for a newcomer) the programme have one free. */
    public boolean tryTake(Locked locked, UUID personId) {
        if (locked.measure().isFull()) {
            return false;
        }
        boolean newToProgramme = locked.programme() != null && !holdsProgrammePlace(personId, locked.programme().id);
        if (newToProgramme && locked.programme().placesHeld >= locked.programme().capacity) {
            return false;
        }
        locked.measure().seatsHeld++;
        if (newToProgramme) {
            locked.programme().placesHeld++;
        }
        return true;
    }

    /** Frees the place the enrolment held; returns whether a programme place was freed too. */
    public boolean release(Locked locked, Enrolment enrolment) {
        locked.measure().seatsHeld = Math.max(0, locked.measure().seatsHeld - 1);
        enrolment.holdsSeat = false;
        Panache.getEntityManager().flush();
        if (locked.programme() != null && !holdsProgrammePlace(enrolment.personId, locked.programme().id)) {
            locked.programme().placesHeld = Math.max(0, locked.programme().placesHeld - 1);
            return true;
        }
        return false;
    }

    private static boolean holdsProgrammePlace(UUID personId, UUID programmeId) {
        return Enrolment.count("personId = ?1 and programmeId = ?2 and holdsSeat = true", personId, programmeId) > 0;
    }
}
