package org.inclusionmatch.profile.gdpr;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.allocation.AllocationRoundView;
import org.inclusionmatch.profile.audit.AuditResource;
import org.inclusionmatch.profile.audit.ConcernsPerson;
import org.inclusionmatch.profile.decision.DecisionView;
import org.inclusionmatch.profile.enrolment.EnrolmentView;
import org.inclusionmatch.profile.outcome.RecordedOutcome;
import org.inclusionmatch.profile.person.PersonView;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.referral.ConsentView;
import org.inclusionmatch.profile.referral.ReferralView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything held about one person, for a GDPR access request (Art. 15). */
@Schema(name = "PersonExport")
public record PersonExport(Instant exportedAt, PersonView profile, RecommendationsView recommendations,
                           @Schema(description = "Accepted, declined and overridden recommendations, with reasons and notes")
                           List<DecisionView> decisions,
                           @Schema(description = "Referrals and waitlist places, whatever became of them") List<EnrolmentView> enrolments,
                           @Schema(description = "Outcomes, with the region and target groups copied when each was recorded")
                           List<RecordedOutcome> outcomes,
                           @Schema(description = "Allocation rounds the person was a candidate in: fit, proposal and reason")
                           List<AllocationRoundView.CandidateEntry> allocations,
                           @Schema(description = "Each referral as its provider sees it: the contact, message, needs and goals it "
                                   + "told the provider, and what active consents share with it now") List<ReferralView> referrals,
                           @Schema(description = "Every consent to share with a provider, active, withdrawn or lapsed")
                           List<ConsentView> consents,
                           @Schema(description = "Every access to the person's data, the providers' reads of "
                                   + "their referrals (resourceType REFERRAL) included") List<AuditResource.AuditView> accessLog)
        implements ConcernsPerson {

    public PersonExport withRecommendations(RecommendationsView labelled) {
        return new PersonExport(exportedAt, profile, labelled, decisions, enrolments, outcomes, allocations, referrals,
                consents, accessLog);
    }

    @Override
    public UUID concernedPerson() {
        return profile.id();
    }
}
