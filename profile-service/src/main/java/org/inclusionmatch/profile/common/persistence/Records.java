package org.inclusionmatch.profile.common.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;

import java.util.Optional;
import java.util.UUID;

/** Look-ups every resource needs: by id or 404, and the uniqueness of a client-chosen code. */
public final class Records {

    private Records() {
    }

    /** The record with this id, if there is one (an absent id finds nothing). */
    public static <E extends VersionedEntity> Optional<E> find(Class<E> type, UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(Panache.getEntityManager().find(type, id));
    }

    public static <E extends VersionedEntity> E require(Class<E> type, UUID id, String what) {
        return find(type, id).orElseThrow(() -> new NotFound(what, id));
    }

    /** A reference from one record to another (a measure's provider, say): a missing target is a 400 on that field. */
    public static <E extends VersionedEntity> E reference(Class<E> type, UUID id, String field) {
        return find(type, id).orElseThrow(
                () -> InvalidInput.field(field, "no " + type.getSimpleName().toLowerCase() + " has id " + id));
    }

    /** 409 when another record of the same kind already uses {@code code}. */
    public static void requireFreeCode(Class<? extends VersionedEntity> type, String code, UUID self) {
        CriteriaBuilder cb = Panache.getEntityManager().getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<? extends VersionedEntity> record = query.from(type);
        query.select(cb.count(record)).where(cb.equal(record.get("code"), code),
                cb.notEqual(record.get("id"), self == null ? new UUID(0, 0) : self));
        if (Panache.getEntityManager().createQuery(query).getSingleResult() > 0) {
            throw new Conflict(Conflict.Cause.DUPLICATE_CODE, "Another " + type.getSimpleName().toLowerCase() + " already uses code " + code);
        }
    }
}
