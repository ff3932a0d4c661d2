package org.inclusionmatch.profile.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.ConcernsPersons;

import java.util.List;
import java.util.UUID;

/** A page of matching views in id order; pass {@code next} as {@code after} for the following page (null at the end). */
@Schema(name = "MatchingPage")
public record MatchingPage(List<MatchingView> items, UUID next) implements ConcernsPersons {
}
