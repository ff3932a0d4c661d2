package org.inclusionmatch.profile.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One access to person data. Never updated or deleted (the table refuses it). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;
    public String subject;
    public String roles;

    @Column(name = "organisation_id")
    public UUID organisationId;

    public String operation;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    public String outcome;

    @Column(name = "http_status")
    public int httpStatus;

    /** Every person whose data the access touched or asked for: the path's person, a list's or view's persons. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "person_ids", columnDefinition = "uuid[]")
    public List<UUID> personIds;

    /**
     * The entries that concern a person, as a condition on the parameter {@code :person}: rows from before
     * {@code person_ids} existed name the person only as their resource.
     */
    public static final String CONCERNS_PERSON = "(resourceId = :person or array_contains(personIds, :person))";
}
