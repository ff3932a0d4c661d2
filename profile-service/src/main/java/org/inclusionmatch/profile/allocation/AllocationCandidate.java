package org.inclusionmatch.profile.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A person in a round: what the solver proposed, what first come first served would have done, and what confirming did. */
@Entity
@Table(name = "allocation_candidate")
@IdClass(AllocationCandidate.Key.class)
public class AllocationCandidate extends PanacheEntityBase {

    public record Key(UUID roundId, UUID personId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    /** The person's organisation: the one that referred them, and that receives the referral. */
    @Column(name = "organisation_id")
    public UUID organisationId;

    /** Order of arrival (waitlist first, then by when the recommendation was stored): the first-come-first-served order. */
    public int arrival;

    /** The measure of the round the person fits best (null when none may take them). */
    @Column(name = "best_measure_id")
    public UUID bestMeasureId;

    /** The fit in the best measure, 0..1, as the recommendation scored it. */
    public double score;

    /** The measure the proposal gives the person a place in; null when none. */
    @Column(name = "measure_id")
    public UUID measureId;

    @Column(name = "fcfs_measure_id")
    public UUID fcfsMeasureId;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "waitlist_position")
    public Integer waitlistPosition;

    @Column(name = "expected_wait_weeks")
    public Integer expectedWaitWeeks;
}
