package org.inclusionmatch.profile.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An outcome as stored: with the person's region and target groups as they were when it was recorded. */
@Schema(name = "RecordedOutcome")
public record RecordedOutcome(OutcomeView outcome, String regionWhenRecorded, List<String> targetGroupsWhenRecorded) {
}
