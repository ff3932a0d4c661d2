package org.inclusionmatch.profile.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.audit.AuditedPersonAccess.Operation;
import org.inclusionmatch.profile.audit.PersonWritesLog;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.identity.IdentityKeys;
import org.inclusionmatch.profile.identity.PersonalCode;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's personal code, as the person's own organisation records it: turned into its keyed link at once, at most
 * one record per code in an organisation (409 naming the record that has it), and every set, change or removal an
 * audit entry of resource PERSONAL_CODE in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class PersonIdentities {

    static final String AUDIT_RESOURCE = "PERSONAL_CODE";

    /** A code given in a request, as its link and the values a stored record of it may hold; {@link #NONE} without one. */
    record Given(IdentityKeys.Link link, List<byte[]> candidates) {
        static final Given NONE = new Given(null, List.of());

        boolean present() {
            return link != null;
        }

        /** Whether {@code stored} is this code's link, under every key or under the keys of an unfinished rotation. */
        boolean matches(byte[] stored) {
            return stored != null && candidates.stream().anyMatch(c -> Arrays.equals(c, stored));
        }

        /** The request as an idempotency fingerprint: the code replaced by its keyed link. */
        PersonRequest fingerprint(PersonRequest request) {
            return link == null ? request : request.withPersonalCode(HexFormat.of().formatHex(link.value()));
        }
    }

    private final IdentityKeys keys;
    private final PersonWritesLog audit;
    private final EntityManager entityManager;

    PersonIdentities(IdentityKeys keys, PersonWritesLog audit, EntityManager entityManager) {
        this.keys = keys;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    /**
     * The code the request gives, checked (400 without its value) and linked; no transaction needed. The one check of
     * the code: every write calls this before anything of the person changes (PersonService.apply does not check it).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Given given(PersonRequest request) {
        if (request.personalCode() == null) {
            return Given.NONE;
        }
        PersonalCode code = PersonalCode.parse("personalCode", request.personalCode());
        List<byte[]> candidates = keys.candidates(code);
        return new Given(new IdentityKeys.Link(candidates.get(candidates.size() - 1), candidates.size()), candidates);
    }

    /**
     * Records the given code on the person (new or stored), unless it is theirs already: 409 when another person of the
     * organisation has it. Without a code nothing changes: an update that leaves it out keeps the recorded one.
     */
    void record(UUID organisationId, PersonWritesLog.Writer writer, Person person, Given given) {
        if (!given.present() || given.matches(person.identityLink)) {
            set(person, given); // at most wrapped under a newer key
            return;
        }
        UUID holder = holderIn(organisationId, given, person.id);
        if (holder != null) {
            throw new Conflict(Conflict.Cause.DUPLICATE_PERSONAL_CODE,
                    "personalCode is already recorded for person " + holder + " of your organisation; update that person instead");
        }
        set(person, given).ifPresent(entry -> audit.append(writer, List.of(entry)));
    }

    /**
     * Puts the given code's link on the person, the caller having checked that no other person of the organisation
     * has it; the audit entry to write when it is a new fact (a code set or changed), none for the same code wrapped
     * under a newer key or for no code.
     */
    static Optional<PersonWritesLog.Written> set(Person person, Given given) {
        if (!given.present()) {
            return Optional.empty();
        }
        boolean same = given.matches(person.identityLink);
        Operation operation = person.identityLink == null ? Operation.CREATE : Operation.UPDATE;
        if (person.id == null) {
            person.id = UUID.randomUUID(); // the audit entry names the new person; persist keeps an assigned id
        }
        person.identityLink = given.link().value();
        person.identityLayers = (short) given.link().layers();
        return same ? Optional.empty() : Optional.of(new PersonWritesLog.Written(person.id, operation, AUDIT_RESOURCE));
    }

    /** Removes the person's code; whether there was one. */
    boolean remove(PersonWritesLog.Writer writer, Person person) {
        if (person.identityLink == null) {
            return false;
        }
        person.identityLink = null;
        person.identityLayers = null;
        audit.append(writer, List.of(new PersonWritesLog.Written(person.id, Operation.DELETE, AUDIT_RESOURCE)));
        return true;
    }

    /** The organisation's person other than {@code self} whose record holds the code, if any. */
    UUID holderIn(UUID organisationId, Given given, UUID self) {
        return entityManager.createQuery("select p.id from Person p where p.organisation.id = :organisation "
                        + "and p.identityLink in :links and p.id <> :self", UUID.class)
                .setParameter("organisation", organisationId)
                .setParameter("links", given.candidates())
                .setParameter("self", self == null ? new UUID(0, 0) : self)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
