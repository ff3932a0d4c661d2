package org.inclusionmatch.profile.person;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.audit.AuditResource;
import org.inclusionmatch.profile.recommendation.RecommendationsView;

import java.time.Instant;
import java.util.List;

/** Everything held about one person, for a GDPR access request. */
@Schema(name = "PersonExport")
public record PersonExport(Instant exportedAt, PersonView profile, RecommendationsView recommendations,
                           List<AuditResource.AuditView> accessLog) {
}
