package org.inclusionmatch.profile.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's current recommendations, with the profile and engine versions they were computed from. */
@Entity
@Table(name = "recommendation_set")
public class RecommendationSet extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "profile_version")
    public long profileVersion;

    @Column(name = "engine_version")
    public String engineVersion;

    @Column(name = "evaluation_day")
    public LocalDate evaluationDay;

    @Column(name = "computed_at")
    public Instant computedAt;

    /** The recommendations as JSON: read and written whole, never queried field by field. */
    public String items;

    /** The relevant measures left out and why, as JSON: read and written whole. */
    @Column(name = "why_not")
    public String whyNot = "[]";

    /** Counts the changes of this set; the RecommendationsUpdated event carries it. */
    public long version;

    @Column(name = "stored_at")
    public Instant storedAt;
}
