package org.inclusionmatch.profile.common;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.UUID;

/** Look-ups every resource needs: by id or 404, and the uniqueness of a client-chosen code. */
public final class Records {

    private Records() {
    }

    public static <E extends VersionedEntity> E require(Class<E> type, UUID id, String what) {
        E entity = id == null ? null : Panache.getEntityManager().find(type, id);
        if (entity == null) {
            throw ApiException.notFound(what, id);
        }
        return entity;
    }

    /** A reference from one record to another (a measure's provider, say): a missing target is a 400 on that field. */
    public static <E extends VersionedEntity> E reference(Class<E> type, UUID id, String field) {
        E entity = id == null ? null : Panache.getEntityManager().find(type, id);
        if (entity == null) {
            throw ApiException.invalidField(field, "no " + type.getSimpleName().toLowerCase() + " has id " + id);
        }
        return entity;
    }

    /** 409 when another record of the same kind already uses {@code code}. */
    public static void requireFreeCode(Class<? extends VersionedEntity> type, String code, UUID self) {
        long taken = Panache.getEntityManager()
                .createQuery("select count(e) from " + type.getSimpleName() + " e where e.code = :code and e.id <> :self", Long.class)
                .setParameter("code", code)
                .setParameter("self", self == null ? new UUID(0, 0) : self)
                .getSingleResult();
        if (taken > 0) {
            throw ApiException.conflict("Another " + type.getSimpleName().toLowerCase() + " already uses code " + code);
        }
    }
}
