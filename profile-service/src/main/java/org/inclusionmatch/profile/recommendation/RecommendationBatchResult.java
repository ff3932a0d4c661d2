package org.inclusionmatch.profile.recommendation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPersons;

import java.util.List;

/** One outcome per result of a batch store, in the request's order. */
@Schema(name = "RecommendationsBatchResult")
public record RecommendationBatchResult(List<BatchOutcome> items) implements ConcernsPersons {
}
