package org.inclusionmatch.profile.outcome;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.common.Checks;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.QueryFilter;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.common.Versions;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.programme.Programme;

import java.util.UUID;

/** Outcomes of the caller's organisation's persons; one per person, programme and period (409 for a second). */
@ApplicationScoped
@Transactional
public class OutcomeService {

    public OutcomeView create(UUID organisationId, OutcomeRequest request) {
        Person person = Person.requireIn(organisationId, request.personId());
        Outcome outcome = new Outcome();
        outcome.personId = person.id;
        outcome.organisationId = organisationId;
        outcome.region = person.region.name();
        outcome.targetGroups = person.targetGroups;
        apply(request, outcome);
        outcome.persist();
        return OutcomeView.of(outcome);
    }

    public OutcomeView update(UUID organisationId, UUID id, OutcomeRequest request, String ifMatch) {
        Outcome outcome = require(organisationId, id);
        Versions.checkIfMatch(ifMatch, outcome.version);
        if (!outcome.personId.equals(request.personId())) {
            throw ApiException.invalidField("personId", "an outcome cannot move to another person");
        }
        apply(request, outcome);
        outcome.flush();
        return OutcomeView.of(outcome);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutcomeView get(UUID organisationId, UUID id) {
        return OutcomeView.of(require(organisationId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<OutcomeView> list(UUID organisationId, UUID personId, UUID programmeId, PageParams page) {
        QueryFilter filter = new QueryFilter().equal("organisationId", organisationId).equal("personId", personId)
                .equal("programmeId", programmeId);
        return PageResult.of(Outcome.find(filter.where(), Sort.ascending("periodStart", "id"), filter.parameters()), page, OutcomeView::of);
    }

    private static Outcome require(UUID organisationId, UUID id) {
        Outcome outcome = id == null ? null : Outcome.findById(id);
        if (outcome == null || !outcome.organisationId.equals(organisationId)) {
            throw ApiException.notFound("Outcome", id);
        }
        return outcome;
    }

    private static void apply(OutcomeRequest request, Outcome outcome) {
        Checks.period(request.periodStart(), request.periodEnd());
        if ((request.followUpStatus() == null) != (request.followUpDate() == null)) {
            throw ApiException.invalidField("followUpDate", "give both followUpStatus and followUpDate, or neither");
        }
        outcome.programmeId = Records.reference(Programme.class, request.programmeId(), "programmeId").id;
        outcome.periodStart = request.periodStart();
        outcome.periodEnd = request.periodEnd();
        outcome.status = request.status();
        outcome.outcomeDate = request.outcomeDate();
        outcome.followUpStatus = request.followUpStatus();
        outcome.followUpDate = request.followUpDate();
    }
}
