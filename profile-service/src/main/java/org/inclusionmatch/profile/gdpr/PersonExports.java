package org.inclusionmatch.profile.gdpr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.allocation.AllocationService;
import org.inclusionmatch.profile.audit.AuditResource;
import org.inclusionmatch.profile.audit.AuditTrail;
import org.inclusionmatch.profile.decision.DecisionService;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.outcome.OutcomeService;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonView;
import org.inclusionmatch.profile.recommendation.RecommendationService;
import org.inclusionmatch.profile.referral.ConsentService;
import org.inclusionmatch.profile.referral.ReferralService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Gathers everything stored about a person: profile, recommendations, decisions, enrolments (and what each referral
 * told and shares with its provider), outcomes, consents and the log of who accessed them. A test compares this with the tables that hold a person id, so a new one cannot
 * be forgotten here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonExports {

    private final RecommendationService recommendations;
    private final DecisionService decisions;
    private final EnrolmentService enrolments;
    private final OutcomeService outcomes;
    private final AuditTrail auditTrail;
    private final AllocationService allocations;
    private final ReferralService referrals;
    private final ConsentService consents;

    public PersonExports(RecommendationService recommendations, DecisionService decisions, EnrolmentService enrolments,
                         OutcomeService outcomes, AuditTrail auditTrail, AllocationService allocations,
                         ReferralService referrals, ConsentService consents) {
        this.referrals = referrals;
        this.consents = consents;
        this.auditTrail = auditTrail;
        this.allocations = allocations;
        this.recommendations = recommendations;
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.outcomes = outcomes;
    }

    public PersonExport export(UUID organisationId, UUID personId) {
        Person person = Person.requireIn(organisationId, personId);
        return new PersonExport(Instant.now(), PersonView.of(person), recommendations.get(organisationId, personId),
                decisions.list(organisationId, personId), enrolments.ofPerson(personId), outcomes.ofPerson(personId),
                allocations.ofPerson(personId), referrals.ofPerson(personId), consents.ofPerson(personId),
                auditTrail.ofPerson(personId).stream().map(entry -> onlyAbout(entry, personId)).toList());
    }

    /**
     * An access that touched several persons (a list, an allocation round) names only this person in their export:
     * the others are other people's data, possibly of other organisations (and one may be someone they are kept
     * apart from).
     */
    private static AuditResource.AuditView onlyAbout(AuditResource.AuditView e, UUID personId) {
        return new AuditResource.AuditView(e.id(), e.at(), e.subject(), e.roles(), e.organisationId(), e.operation(),
                e.resourceType(), e.resourceId(), List.of(personId), e.outcome(), e.httpStatus());
    }
}
