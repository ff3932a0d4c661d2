package org.inclusionmatch.profile.outcome;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.calendar.MatchingCalendar;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.common.validation.Checks;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.domain.RuleViolation;
import org.inclusionmatch.profile.enrolment.Enrolment;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.programme.Programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Outcomes of the caller's organisation's persons; one per person, programme and period (409 for a second).
 * An outcome belongs to a programme only where the person took part in it: they have (or had) a place in one
 * of its measures, or the programme's operator records it. Otherwise anyone could pad a report's cells.
 */
@ApplicationScoped
@Transactional
public class OutcomeService {

    private final MatchingCalendar calendar;

    public OutcomeService(MatchingCalendar calendar) {
        this.calendar = calendar;
    }

    public OutcomeView create(UUID organisationId, OutcomeRequest request) {
        Person person = Person.requireIn(organisationId, request.personId(), LockModeType.PESSIMISTIC_READ);
        Outcome outcome = new Outcome();
        outcome.personId = person.id;
        outcome.organisationId = organisationId;
        outcome.region = person.region.name();
        outcome.targetGroups = person.targetGroups;
        outcome.recordKey = CellKeyMethod.newRecordKey();
        apply(organisationId, request, outcome);
        outcome.persist();
        return OutcomeView.of(outcome);
    }

    public OutcomeView update(UUID organisationId, UUID id, OutcomeRequest request, String ifMatch) {
        Outcome outcome = require(organisationId, id);
        ExpectedVersion.check(ifMatch, outcome.version);
        if (!outcome.personId.equals(request.personId())) {
            throw InvalidInput.field("personId", "an outcome cannot move to another person");
        }
        apply(organisationId, request, outcome);
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

    /** All of a person's outcomes with what was copied from the profile into them, for their export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedOutcome> ofPerson(UUID personId) {
        return Outcome.<Outcome>list("personId", Sort.ascending("periodStart", "id"), personId).stream()
                .map(o -> new RecordedOutcome(OutcomeView.of(o), o.region, o.targetGroups)).toList();
    }

    private static Outcome require(UUID organisationId, UUID id) {
        return Records.find(Outcome.class, id)
                .filter(outcome -> outcome.organisationId.equals(organisationId))
                .orElseThrow(() -> new NotFound("Outcome", id));
    }

    private void apply(UUID organisationId, OutcomeRequest request, Outcome outcome) {
        Checks.period(request.periodStart(), request.periodEnd());
        if ((request.followUpStatus() == null) != (request.followUpDate() == null)) {
            throw InvalidInput.field("followUpDate", "give both followUpStatus and followUpDate, or neither");
        }
        if (request.followUpDate() != null && request.outcomeDate() != null
                && request.followUpDate().isBefore(request.outcomeDate())) {
            throw InvalidInput.field("followUpDate", "must not be before outcomeDate");
        }
        notInTheFuture(request);
        Programme programme = Records.reference(Programme.class, request.programmeId(), "programmeId");
        if (!organisationId.equals(programme.operator.id) && !tookPartIn(outcome.personId, programme.id)) {
            throw new RuleViolation(RuleViolation.Rule.NOT_A_PARTICIPANT,
                    "The person holds no place in a measure of this programme, and your organisation does not operate it; "
                            + "refer them first, or ask the operator to record the outcome");
        }
        // the unique key would refuse it at flush as a 500; say so as the 409 the API promises
        if (Outcome.count("personId = ?1 and programmeId = ?2 and periodStart = ?3 and periodEnd = ?4 and id <> ?5",
                outcome.personId, programme.id, request.periodStart(), request.periodEnd(),
                outcome.id == null ? new UUID(0, 0) : outcome.id) > 0) {
            throw new Conflict(Conflict.Cause.OUTCOME_EXISTS, "An outcome of this person for this programme and period exists already; correct it with PUT");
        }
        outcome.programmeId = programme.id;
        outcome.periodStart = request.periodStart();
        outcome.periodEnd = request.periodEnd();
        outcome.status = request.status();
        outcome.outcomeDate = request.outcomeDate();
        outcome.followUpStatus = request.followUpStatus();
        outcome.followUpDate = request.followUpDate();
    }

    /**
     * An outcome records what has happened: a period that has not ended, or an outcome or follow-up dated after today
     * (the matching calendar's, Europe/Riga), is a 422 naming each such field.
     */
    private void notInTheFuture(OutcomeRequest request) {
        LocalDate today = calendar.today();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (request.periodEnd() != null && request.periodEnd().isAfter(today)) {
            errors.add(new InvalidInput.FieldError("periodEnd", "must not be after today (" + today
                    + "): record the outcome once the period has ended"));
        }
        if (request.outcomeDate() != null && request.outcomeDate().isAfter(today)) {
            errors.add(new InvalidInput.FieldError("outcomeDate", "must not be after today (" + today + ")"));
        }
        if (request.followUpDate() != null && request.followUpDate().isAfter(today)) {
            errors.add(new InvalidInput.FieldError("followUpDate", "must not be after today (" + today
                    + "): add the follow-up once it has taken place"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.datesInFuture(errors);
        }
    }

    /** Whether the person was given a place in a measure of the programme (a waitlist, rejection or cancellation is not taking part). */
    private static boolean tookPartIn(UUID personId, UUID programmeId) {
        return Enrolment.count("personId = ?1 and status in ?2 and (programmeId = ?3 or measureId in "
                        + "(select m.id from Measure m where m.programme.id = ?3))", personId, PARTICIPATING, programmeId) > 0;
    }

    private static final List<EnrolmentStatus> PARTICIPATING = List.of(EnrolmentStatus.REFERRED, EnrolmentStatus.ACCEPTED,
            EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED, EnrolmentStatus.DROPPED);
}
