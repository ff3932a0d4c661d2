package org.inclusionmatch.profile.decision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.enrolment.EnrolmentView;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.recommendation.RecommendationService;
import org.inclusionmatch.profile.recommendation.RecommendationsRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case worker acts on recommendations: accepting one refers the person, declining one keeps it off the list
 * while neither the person nor the measure changes, and overriding refers the person to a measure that was
 * not recommended. Every decision is kept, for the reports.
 */
@ApplicationScoped
@Transactional
public class DecisionService {

    private final RecommendationService recommendations;
    private final EnrolmentService enrolments;
    private final Event<RecommendationDeclined> declined;

    public DecisionService(RecommendationService recommendations, EnrolmentService enrolments,
                           Event<RecommendationDeclined> declined) {
        this.recommendations = recommendations;
        this.enrolments = enrolments;
        this.declined = declined;
    }

    public DecisionView decide(UUID organisationId, UUID personId, DecisionRequest request, String decidedBy) {
        Person person = Person.requireIn(organisationId, personId);
        Measure measure = Records.reference(Measure.class, request.measureId(), "measureId");
        boolean recommended = recommendations.get(organisationId, personId).recommendations().stream()
                .map(RecommendationsRequest.Item::measureId).anyMatch(measure.id::equals);
        switch (request.decision()) {
            case ACCEPT -> {
                if (!recommended) {
                    throw new Conflict("The measure is not among the person's current recommendations; "
                            + "use OVERRIDE with a reason to refer them anyway");
                }
            }
            case DECLINE, OVERRIDE -> {
                if (request.reasonCode() == null) {
                    throw InvalidInput.field("reasonCode", "is required for " + request.decision());
                }
                if (request.decision() == Decision.DECLINE && !recommended) {
                    throw new Conflict("Only a current recommendation can be declined");
                }
                if (request.decision() == Decision.OVERRIDE && recommended) {
                    throw new Conflict("The measure is recommended already; use ACCEPT");
                }
            }
        }
        RecommendationDecision decision = new RecommendationDecision();
        decision.id = UUID.randomUUID();
        decision.personId = person.id;
        decision.measureId = measure.id;
        decision.decision = request.decision();
        decision.reasonCode = request.reasonCode();
        decision.note = request.note();
        decision.personVersion = person.version;
        decision.measureVersion = measure.version;
        decision.measureFingerprint = measure.matchingFingerprint();
        decision.decidedBy = decidedBy;
        decision.decidedAt = Instant.now();
        EnrolmentView enrolment = null;
        if (request.decision() != Decision.DECLINE) {
            enrolment = enrolments.refer(organisationId, person.id, measure.id);
            decision.enrolmentId = enrolment.id();
        }
        decision.persist();
        if (request.decision() == Decision.DECLINE) {
            declined.fire(new RecommendationDeclined(decision, person));
        }
        return DecisionView.of(decision, enrolment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionView> list(UUID organisationId, UUID personId) {
        Person.requireIn(organisationId, personId);
        return RecommendationDecision.<RecommendationDecision>list("personId", Sort.ascending("decidedAt"), personId)
                .stream().map(d -> DecisionView.of(d, null)).toList();
    }

    /**
     * Declines that still hold: the person has not changed, nor has what matching reads of the measure (its seat
     * counters may move: someone else's referral does not lift this person's decline).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> declinedMeasures(Person person) {
        return RecommendationDecision.<RecommendationDecision>list("personId = ?1 and decision = ?2", person.id, Decision.DECLINE)
                .stream()
                .filter(d -> d.personVersion == person.version)
                .filter(d -> {
                    Measure measure = Measure.findById(d.measureId);
                    return measure != null && (d.measureFingerprint == null ? measure.version == d.measureVersion
                            : d.measureFingerprint.equals(measure.matchingFingerprint()));
                })
                .map(d -> d.measureId).distinct().toList();
    }
}
