package org.inclusionmatch.profile.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One allocation round: the solver's proposal for a measure or a programme intake, and whether it was confirmed. */
@Entity
@Table(name = "allocation_round")
public class AllocationRound extends VersionedEntity {

    @Schema(name = "AllocationRoundStatus")
    public enum Status { PROPOSED, CONFIRMED }

    /** The organisation that opened it: the measure's provider or the programme's operator. */
    @Column(name = "operator_id")
    public UUID operatorId;

    @Column(name = "programme_id")
    public UUID programmeId;

    @Column(name = "measure_id")
    public UUID measureId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int places;
    public int candidates;
    public int assigned;

    @Column(name = "total_fit")
    public double totalFit;

    @Column(name = "fcfs_assigned")
    public int fcfsAssigned;

    @Column(name = "fcfs_total_fit")
    public double fcfsTotalFit;

    @Column(name = "solve_millis")
    public long solveMillis;

    public boolean optimal;

    @Column(name = "quota_shortfall")
    public int quotaShortfall;

    /** Each programme quota and how the proposal and first come first served met it (counts under 5 withheld). */
    @Column(name = "quota_summary")
    String quotaSummaryJson;

    private static final ObjectMapper JSON = new ObjectMapper();

    List<AllocationRoundView.QuotaView> quotaSummary() {
        try {
            return quotaSummaryJson == null ? List.of() : List.of(JSON.readValue(quotaSummaryJson, AllocationRoundView.QuotaView[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored quota summary of round " + id + " is not readable", e);
        }
    }

    void quotaSummary(List<AllocationRoundView.QuotaView> summary) {
        try {
            quotaSummaryJson = summary.isEmpty() ? null : JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Enumerated(EnumType.STRING)
    public AllocationObjective objective = AllocationObjective.FIT;

    /** Totals of expected inclusion (fit x smoothed inclusion rate) of the proposal and of first come first served; null under FIT. */
    @Column(name = "expected_inclusion")
    public Double expectedInclusion;

    @Column(name = "fcfs_expected_inclusion")
    public Double fcfsExpectedInclusion;

    /** Whether the proposal was planned jointly with expected later candidates. */
    @Column(name = "plan_ahead")
    public boolean planAhead;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** New candidates per week from earlier rounds; null without history (or when planning was turned off). */
    @Column(name = "weekly_arrivals")
    public Double weeklyArrivals;

    @Column(name = "later_candidates")
    public int laterCandidates;

    @Column(name = "held_places")
    public int heldPlaces;

    /** How the proposal was reached; null for rounds opened before issue 23. */
    @Enumerated(EnumType.STRING)
    @Column(name = "solve_method")
    public AllocationSolver.Method solveMethod;

    /** The search's time limit when the round was opened. */
    @Column(name = "time_limit_seconds")
    public Double timeLimitSeconds;

    /** The model's objective (weights minus shortfall penalties) the proposal reached, and the best bound proven on it. */
    @Column(name = "objective_value")
    public Double objectiveValue;

    @Column(name = "best_bound")
    public Double bestBound;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
