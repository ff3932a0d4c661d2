package org.inclusionmatch.profile.decision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.enrolment.EnrolmentView;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.recommendation.RecommendationService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case worker acts on recommendations: accepting one refers the person, declining one keeps it off the list
 * while neither the person nor the measure changes, and overriding refers the person to a measure that was
 * not recommended. Every decision is kept, for the reports.
 */
@ApplicationScoped
@Transactional
public class DecisionService {

    private static final Sort ORDER = Sort.ascending("decidedAt").and("id");

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
        boolean recommended = recommendations.recommendedMeasures(organisationId, personId).contains(measure.id);
        switch (request.decision()) {
            case ACCEPT -> {
                if (!recommended) {
                    throw new Conflict(Conflict.Cause.NOT_RECOMMENDED, "The measure is not among the person's current recommendations; "
                            + "use OVERRIDE with a reason to refer them anyway");
                }
            }
            case DECLINE, OVERRIDE -> {
                if (request.reasonCode() == null) {
                    throw InvalidInput.field("reasonCode", "is required for " + request.decision());
                }
                if (request.decision() == Decision.DECLINE && !recommended) {
                    throw new Conflict(Conflict.Cause.NOT_RECOMMENDED, "Only a current recommendation can be declined");
                }
                if (request.decision() == Decision.OVERRIDE && recommended) {
                    throw new Conflict(Conflict.Cause.ALREADY_RECOMMENDED, "The measure is recommended already; use ACCEPT");
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

    /** Every decision on the person's recommendations, oldest first (for the person's export). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionView> list(UUID organisationId, UUID personId) {
        Person.requireIn(organisationId, personId);
        return RecommendationDecision.<RecommendationDecision>list("personId", ORDER, personId)
                .stream().map(d -> DecisionView.of(d, null)).toList();
    }

    /** One page of the decisions on the person's recommendations, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DecisionView> page(UUID organisationId, UUID personId, PageParams page) {
        Person.requireIn(organisationId, personId);
        return PageResult.of(RecommendationDecision.find("personId", ORDER, personId), page,
                (RecommendationDecision d) -> DecisionView.of(d, null));
    }

    /** One decision on the person's recommendations; another person's (or none) is a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DecisionView get(UUID organisationId, UUID personId, UUID decisionId) {
        Person.requireIn(organisationId, personId);
        RecommendationDecision decision = RecommendationDecision.findById(decisionId);
        if (decision == null || !decision.personId.equals(personId)) {
            throw new NotFound("Decision", decisionId);
        }
        return DecisionView.of(decision, null);
    }

    /**
     * Declines that still hold, of each person: the person has not changed, nor has what matching reads of the
     * measure (its seat counters may move: someone else's referral does not lift this person's decline). Two
     * queries whatever the number of persons: the declines, then the measures they name. A person without a decline
     * that holds is absent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> declinedMeasures(Collection<Person> persons) {
        if (persons.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> versions = new HashMap<>();
        persons.forEach(p -> versions.put(p.id, p.version));
        List<RecommendationDecision> declines = RecommendationDecision.<RecommendationDecision>list(
                        "personId in ?1 and decision = ?2", versions.keySet(), Decision.DECLINE).stream()
                .filter(d -> d.personVersion == versions.get(d.personId))
                .toList();
        if (declines.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Measure> measures = new HashMap<>();
        Measure.<Measure>list("id in ?1", declines.stream().map(d -> d.measureId).distinct().toList())
                .forEach(m -> measures.put(m.id, m));
        Map<UUID, List<UUID>> declined = new HashMap<>();
        for (RecommendationDecision d : declines) {
            Measure measure = measures.get(d.measureId);
            boolean holds = measure != null && (d.measureFingerprint == null ? measure.version == d.measureVersion
                    : d.measureFingerprint.equals(measure.matchingFingerprint()));
            List<UUID> ofPerson = declined.computeIfAbsent(d.personId, id -> new ArrayList<>());
            if (holds && !ofPerson.contains(d.measureId)) {
                ofPerson.add(d.measureId);
            }
        }
        return declined;
    }
}
