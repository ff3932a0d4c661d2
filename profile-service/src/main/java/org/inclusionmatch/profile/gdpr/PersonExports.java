package org.inclusionmatch.profile.gdpr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.audit.AuditTrail;
import org.inclusionmatch.profile.decision.DecisionService;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.outcome.OutcomeService;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonView;
import org.inclusionmatch.profile.recommendation.RecommendationService;

import java.time.Instant;
import java.util.UUID;

/**
 * Gathers everything stored about a person: profile, recommendations, decisions, enrolments, outcomes and the
 * log of who accessed them. A test compares this with the tables that hold a person id, so a new one cannot
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

    public PersonExports(RecommendationService recommendations, DecisionService decisions, EnrolmentService enrolments,
                         OutcomeService outcomes, AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.recommendations = recommendations;
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.outcomes = outcomes;
    }

    public PersonExport export(UUID organisationId, UUID personId) {
        Person person = Person.requireIn(organisationId, personId);
        return new PersonExport(Instant.now(), PersonView.of(person), recommendations.get(organisationId, personId),
                decisions.list(organisationId, personId), enrolments.ofPerson(personId), outcomes.ofPerson(personId),
                auditTrail.ofPerson(personId));
    }
}
