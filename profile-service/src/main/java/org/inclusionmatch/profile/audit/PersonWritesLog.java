package org.inclusionmatch.profile.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Audit entries for many persons written at once by a bulk writer (the person import): one entry per person, as a
 * single request per person would have written, inserted with one statement per batch in the writer's own
 * transaction, so the entries commit exactly with the changes they record. The request itself is audited as usual.
 */
@ApplicationScoped
public class PersonWritesLog {

    /** One person written: CREATE or UPDATE of the PERSON, or of their PERSONAL_CODE (CREATE, UPDATE, DELETE). */
    public record Written(UUID personId, AuditedPersonAccess.Operation operation, String resourceType) {
        public Written(UUID personId, AuditedPersonAccess.Operation operation) {
            this(personId, operation, "PERSON");
        }
    }

    /** Who wrote, as the audit filter records a caller. */
    public record Writer(String subject, String roles, UUID organisationId) {
    }

    private static final String INSERT = """
            insert into audit_entry (at, subject, roles, organisation_id, operation, resource_type, resource_id,
                                     outcome, http_status, person_ids)
            select ?, ?, ?, ?, w.operation, w.resource, w.person, 'ALLOWED', 200, array[w.person]
            from unnest(?::uuid[], ?::varchar[], ?::varchar[]) with ordinality as w(person, operation, resource, n)
            order by w.n""";

    private final EntityManager entityManager;

    public PersonWritesLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Writer writer, List<Written> written) {
        if (written.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(Instant.now());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setTimestamp(1, at);
                insert.setString(2, writer.subject());
                insert.setString(3, writer.roles());
                insert.setObject(4, writer.organisationId());
                insert.setArray(5, connection.createArrayOf("uuid", written.stream().map(Written::personId).toArray()));
                insert.setArray(6, connection.createArrayOf("varchar",
                        written.stream().map(w -> w.operation().name()).toArray()));
                insert.setArray(7, connection.createArrayOf("varchar", written.stream().map(Written::resourceType).toArray()));
                insert.executeUpdate();
            }
        });
    }
}
