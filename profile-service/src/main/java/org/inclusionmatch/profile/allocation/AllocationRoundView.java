package org.inclusionmatch.profile.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.audit.ConcernsPersons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A round as its operator sees it: per candidate only ids, the fit score, the proposal and a reason code; never a
 * profile field, never why a placement is restricted. Quota counts under 5 are not shown.
 */
@Schema(name = "AllocationRound")
public record AllocationRoundView(UUID id, UUID operatorId, UUID measureId, UUID programmeId, AllocationRound.Status status,
                                  @Schema(description = "Free places when the round was opened") int places,
                                  int candidates, int assigned, double totalFit,
                                  @Schema(description = "What the proposal maximised: FIT, or EXPECTED_INCLUSION where published outcome "
                                          + "evidence speaks for a candidate in the round's measures") AllocationObjective objective,
                                  @Schema(description = "Under EXPECTED_INCLUSION: the proposal's total of fit x smoothed inclusion rate; "
                                          + "null under FIT") Double expectedInclusion,
                                  @Schema(description = "First come first served on the same candidates and places") Comparison firstComeFirstServed,
                                  Planning planning,
                                  long solveMillis, boolean optimal,
                                  @Schema(description = "How the proposal was reached and how close it is proven to the optimum; null "
                                          + "for rounds opened before it was recorded") Solve solve,
                                  @Schema(description = "Places by which quota minima fell short (candidates did not allow more)") int quotaShortfall,
                                  List<QuotaView> quotas, List<CandidateView> items,
                                  String openedBy, String confirmedBy, Instant confirmedAt, long version, Instant createdAt)
        implements ConcernsPersons {

    @Schema(name = "AllocationSolve", description = "How the proposal was reached. ALL_FIT: every candidate who may take a place "
            + "got one that is best for them under the objective, within every constraint, so it is the optimum and no search ran. "
            + "SEARCH_OPTIMAL: the solver searched and proved the optimum. SEARCH_TIME_LIMIT: the search reached the time limit "
            + "first; the proposal is the best found, at most relativeGap below the optimum")
    public record Solve(@Schema(enumeration = {"ALL_FIT", "SEARCH_OPTIMAL", "SEARCH_TIME_LIMIT"}) String method,
                        @Schema(description = "Whether the solver searched (false: ALL_FIT)") boolean searched,
                        @Schema(description = "The search's time limit in seconds (inclusion.allocation.time-limit)") double timeLimitSeconds,
                        @Schema(description = "Whether the search stopped at the time limit before proving the optimum") boolean timeLimitReached,
                        @Schema(description = "The model's objective the proposal reaches: the total weight (fit, or expected "
                                + "inclusion) minus the penalty of any quota or selection-rate shortfall") double objective,
                        @Schema(description = "The best upper bound proven on the objective (equal to it when optimal)") double bestBound,
                        @Schema(description = "(bestBound - objective) / max(|bestBound|, |objective|): 0 when optimal") double relativeGap) {

        static Solve of(AllocationSolver.Method method, double timeLimitSeconds, double objective, double bestBound) {
            AllocationSolver.Proof proof = new AllocationSolver.Proof(method, timeLimitSeconds, objective, bestBound);
            return new Solve(method.name(), proof.searched(), timeLimitSeconds, method == AllocationSolver.Method.SEARCH_TIME_LIMIT,
                    objective, bestBound, Math.round(proof.relativeGap() * 1_000_000) / 1_000_000.0);
        }
    }

    @Schema(name = "AllocationComparison")
    public record Comparison(int assigned, double totalFit,
                             @Schema(description = "Under EXPECTED_INCLUSION: first come first served's total of fit x smoothed "
                                     + "inclusion rate; null under FIT") Double expectedInclusion) {
    }

    @Schema(name = "AllocationPlanning", description = "Planning ahead over the period: the proposal was solved jointly with the "
            + "candidates expected in later weekly rounds until the period ends (bootstrapped from this round's candidates at the "
            + "weekly rate of new candidates in earlier rounds, fixed seed), and only this round's part kept")
    public record Planning(@Schema(description = "Whether the proposal was planned ahead (false: this round alone)") boolean applied,
                           @Schema(description = "End of the programme's (or measure's) period; null when it has none") LocalDate periodEnd,
                           @Schema(description = "New candidates per week in earlier rounds of the last 8 weeks; null without history "
                                   + "or when planning was turned off") Double weeklyArrivals,
                           @Schema(description = "Later candidates expected until the period ends") int laterCandidates,
                           @Schema(description = "Places left free now, held for later candidates") int heldPlaces) {
    }

    @Schema(name = "AllocationQuota", description = "A programme quota and how the proposal and first come first served meet it; "
            + "counts under 5 are null")
    public record QuotaView(String group, Integer minPlaces, Integer maxPlaces, Integer assigned, Integer firstComeFirstServed,
                            boolean met) {
    }

    /** A person's entry in one round, for their export. */
    @Schema(name = "AllocationEntry")
    public record CandidateEntry(UUID roundId, double score, UUID measureId,
                                 @Schema(implementation = AllocationReason.class) String reasonCode, UUID enrolmentId,
                                 Integer waitlistPosition, Integer expectedWaitWeeks) {
    }

    @Schema(name = "AllocationCandidate", description = "Reason codes (AllocationReason): ASSIGNED, ALREADY_WAITLISTED, LOWER_FIT, "
            + "LOWER_EXPECTED_INCLUSION, QUOTA_REACHED, NO_FREE_PLACE, HELD_FOR_LATER (a place they may take is held for a "
            + "candidate expected later in the period), PLACEMENT_RESTRICTED (neutral: no place may be given now), PLACE_TAKEN_MEANWHILE")
    public record CandidateView(UUID personId, UUID organisationId, int arrival, UUID bestMeasureId, double score,
                                UUID measureId, UUID firstComeFirstServedMeasureId,
                                @Schema(implementation = AllocationReason.class) String reasonCode, UUID enrolmentId,
                                Integer waitlistPosition, Integer expectedWaitWeeks) implements ConcernsPerson {

        @Override
        public UUID concernedPerson() {
            return personId;
        }
    }
}
