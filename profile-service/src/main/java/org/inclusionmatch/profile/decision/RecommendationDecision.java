package org.inclusionmatch.profile.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "recommendation_decision")
public class RecommendationDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "measure_id")
    public UUID measureId;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "reason_code")
    public String reasonCode;

    /** Free text: never logged, never in an event. */
    public String note;

    /** The versions decided on: a decline holds only while neither the person nor the measure changes. */
    @Column(name = "person_version")
    public long personVersion;

    @Column(name = "measure_version")
    public long measureVersion;

    /** What matching read of the measure when declined (see Measure#matchingFingerprint). */
    @Column(name = "measure_fingerprint")
    public String measureFingerprint;

    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
