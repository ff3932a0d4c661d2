package org.inclusionmatch.profile.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "outcome")
public class Outcome extends VersionedEntity {

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public OutcomeStatus status;

    @Column(name = "outcome_date")
    public LocalDate outcomeDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up_status")
    public OutcomeStatus followUpStatus;

    @Column(name = "follow_up_date")
    public LocalDate followUpDate;

    /** The person's region and target groups when the outcome was recorded, so reports stay stable. */
    public String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "text[]")
    public List<String> targetGroups;

    /** The record's key for the reports' cell-key perturbation: drawn once, never changed, never shown. */
    @Column(name = "record_key", updatable = false)
    public int recordKey;
}
