package org.inclusionmatch.profile.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a candidate of a round has or has not a place (the candidate's {@code reasonCode}). PLACEMENT_RESTRICTED is
 * neutral: it never says why no place may be given.
 */
@Schema(name = "AllocationReason")
public enum AllocationReason {
    ASSIGNED, ALREADY_WAITLISTED, LOWER_FIT, LOWER_EXPECTED_INCLUSION, QUOTA_REACHED, NO_FREE_PLACE, HELD_FOR_LATER,
    PLACEMENT_RESTRICTED, PLACE_TAKEN_MEANWHILE
}
