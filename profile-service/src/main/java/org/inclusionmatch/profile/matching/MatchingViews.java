package org.inclusionmatch.profile.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPersons;

import java.util.List;

/** The matching views of the persons asked for, in the order asked; those gone or withdrawn are left out. */
@Schema(name = "MatchingViews")
public record MatchingViews(
        @Schema(description = "At most one view per id asked, so at most MatchingViewsRequest's 500",
                maxItems = MatchingViewsRequest.MAX_IDS) List<MatchingView> items) implements ConcernsPersons {
}
