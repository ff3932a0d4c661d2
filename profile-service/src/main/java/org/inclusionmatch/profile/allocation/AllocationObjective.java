package org.inclusionmatch.profile.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a round maximised: the fit the recommendations scored, or, where published outcome evidence speaks for any
 * candidate in the round's measures, expected inclusion (fit x the smoothed inclusion rate of people like them).
 */
@Schema(name = "AllocationObjective")
public enum AllocationObjective { FIT, EXPECTED_INCLUSION }
