package org.inclusionmatch.profile.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.audit.ConcernsPersons;

import java.time.Instant;
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
                                  @Schema(description = "First come first served on the same candidates and places") Comparison firstComeFirstServed,
                                  long solveMillis, boolean optimal,
                                  @Schema(description = "Places by which quota minima fell short (candidates did not allow more)") int quotaShortfall,
                                  List<QuotaView> quotas, List<CandidateView> items,
                                  String openedBy, String confirmedBy, Instant confirmedAt, long version, Instant createdAt)
        implements ConcernsPersons {

    @Schema(name = "AllocationComparison")
    public record Comparison(int assigned, double totalFit) {
    }

    @Schema(name = "AllocationQuota", description = "A programme quota and how the proposal and first come first served meet it; "
            + "counts under 5 are null")
    public record QuotaView(String group, Integer minPlaces, Integer maxPlaces, Integer assigned, Integer firstComeFirstServed,
                            boolean met) {
    }

    /** A person's entry in one round, for their export. */
    @Schema(name = "AllocationEntry")
    public record CandidateEntry(UUID roundId, double score, UUID measureId, String reasonCode, UUID enrolmentId,
                                 Integer waitlistPosition, Integer expectedWaitWeeks) {
    }

    @Schema(name = "AllocationCandidate", description = "Reason codes: ASSIGNED, ALREADY_WAITLISTED, LOWER_FIT, QUOTA_REACHED, "
            + "NO_FREE_PLACE, PLACEMENT_RESTRICTED (neutral: no place may be given now), PLACE_TAKEN_MEANWHILE, WAITLISTED")
    public record CandidateView(UUID personId, UUID organisationId, int arrival, UUID bestMeasureId, double score,
                                UUID measureId, UUID firstComeFirstServedMeasureId, String reasonCode, UUID enrolmentId,
                                Integer waitlistPosition, Integer expectedWaitWeeks) implements ConcernsPerson {

        @Override
        public UUID concernedPerson() {
            return personId;
        }
    }
}
