package org.inclusionmatch.profile.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureEvent;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.person.PersonChanges;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.safety.KeepApartService;
import org.inclusionmatch.profile.vocabulary.ReferralDeclineReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Referrals and their life: a place if one is free, the waitlist otherwise, and the first on the waitlist gets
 * the place another frees. Visible to the person's organisation and to the measure's provider. A referral holding a
 * place has an answer-by date (the measure's answer time from when the place was offered, or the referrer's date);
 * left unanswered it expires ({@link #expire}, the system's move) and its place goes to the waitlist.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    private final SeatLedger seats;
    private final Event<EnrolmentEvent> events;
    private final Event<MeasureEvent> measureEvents;
    private final KeepApartService keepApart;
    private final OneHumanPlaces oneHuman;
    private final ReferralConfig referrals;

    public EnrolmentService(SeatLedger seats, Event<EnrolmentEvent> events, Event<MeasureEvent> measureEvents,
                            KeepApartService keepApart, OneHumanPlaces oneHuman, ReferralConfig referrals) {
        this.seats = seats;
        this.events = events;
        this.measureEvents = measureEvents;
        this.keepApart = keepApart;
        this.oneHuman = oneHuman;
        this.referrals = referrals;
    }

    /** A referral with the measure's answer time. */
    public EnrolmentView refer(UUID organisationId, UUID personId, UUID measureId) {
        return refer(organisationId, personId, measureId, ReferralTerms.NONE, null);
    }

    /**
     * A referral with what the referrer tells the provider (see {@link ReferralTerms}), checked before anything is
     * stored. {@code answerBy}: the referrer's answer-by date, used when the referral takes a place at once (null:
     * the measure's answer time); a waitlisted referral gets the measure's answer time when it is promoted.
     */
    public EnrolmentView refer(UUID organisationId, UUID personId, UUID measureId, ReferralTerms terms, Instant answerBy) {
        checkAnswerBy(answerBy);
        Person person = Person.requireIn(organisationId, personId, LockModeType.PESSIMISTIC_READ); // person, then places
        SeatLedger.Locked locked = seats.lock(measureId);
        if (Enrolment.count("personId = ?1 and measureId = ?2 and status in ?3", personId, measureId, openStatuses()) > 0) {
            throw new Conflict(Conflict.Cause.ALREADY_ENROLLED, "The person already has an open enrolment in this measure");
        }
        // A residential or group place beside someone the person is kept apart from: refused, neutrally.
        keepApart.requireAllowed(person.id, locked.measure());
        // One human, one place: not in a measure or programme where another record of the same human holds one.
        oneHuman.requireNotHeldElsewhere(person.id, locked.measure());
        ReferralTerms resolved = terms.resolve(person, locked.measure());
        boolean wasFull = locked.measure().isFull();
        // Those waiting go first: a place freed by a raised capacity is theirs, not the newcomer's.
        promoteOnMeasure(locked);
        Enrolment enrolment = new Enrolment();
        enrolment.personId = person.id;
        enrolment.organisationId = organisationId;
        enrolment.measureId = measureId;
        enrolment.programmeId = locked.programme() == null ? null : locked.programme().id;
        resolved.applyTo(enrolment);
        if (seats.tryTake(locked, enrolment)) {
            enrolment.status = EnrolmentStatus.REFERRED;
            enrolment.answerBy = answerBy != null ? answerBy : answerByFromNow(locked.measure());
        } else {
            enrolment.status = EnrolmentStatus.WAITLISTED;
            enrolment.waitlistSeq = ((Number) Enrolment.getEntityManager()
                    .createNativeQuery("select nextval('waitlist_seq')").getSingleResult()).longValue();
        }
        enrolment.persist();
        events.fire(new EnrolmentEvent.Referred(enrolment, person));
        if (enrolment.holdsSeat) {
            placeChanged(person.id, locked.measure());
        }
        announceAvailability(locked, wasFull);
        return EnrolmentView.of(enrolment);
    }

    /**
     * A caller's move ({@link EnrolmentStatus#next()}). The reason and note are checked before anything is read, so
     * bad input changes nothing whatever the enrolment's state. Racing another move or an expiry, the later one sees
     * the state the first left (under the measure's lock) and is refused with 409 if it no longer applies.
     */
    public EnrolmentView transition(UUID callerOrganisation, UUID id, EnrolmentStatus target, String reason, String note,
                                    String ifMatch) {
        checkReason(target, reason, note);
        Enrolment enrolment = require(callerOrganisation, id);
        // Person, then places, in the order referrals and erasure take them: an erasure (which deletes the enrolment)
        // either finished before, and the person is gone, or waits until this transition is done.
        Person person = Person.findById(enrolment.personId, LockModeType.PESSIMISTIC_READ);
        if (person == null) {
            throw new NotFound("Enrolment", id);
        }
        SeatLedger.Locked locked = seats.lock(enrolment);
        Enrolment.getEntityManager().refresh(enrolment); // its state as of now, under the measure's lock
        ExpectedVersion.check(ifMatch, enrolment.version);
        EnrolmentMoves.Move move = EnrolmentMoves.find(enrolment.status, target)
                .filter(legal -> legal.by() != ReferralSide.SYSTEM)
                .orElseThrow(() -> new Conflict(Conflict.Cause.ILLEGAL_TRANSITION, "An enrolment cannot go from "
                        + enrolment.status + " to " + target + "; allowed: "
                        + (enrolment.status.next().isEmpty() ? "none (final)" : enrolment.status.next())));
        Set<ReferralSide> sides = enrolment.sidesOf(callerOrganisation, locked.measure().provider.id);
        if (sides.isEmpty()) { // the measure moved to another provider meanwhile
            throw new NotFound("Enrolment", id);
        }
        if (!sides.contains(move.by())) {
            Set<EnrolmentStatus> yours = EnrolmentMoves.next(enrolment.status, sides);
            throw new NotPermitted(NotPermitted.Cause.OTHER_SIDES_MOVE, "Moving a referral from " + move.from() + " to "
                    + move.to() + " is the " + move.by().name().toLowerCase(Locale.ROOT) + "'s move ("
                    + (move.by() == ReferralSide.PROVIDER ? "the organisation that provides the measure"
                    : "the person's organisation, which sent the referral") + "); your organisation is the "
                    + sides.iterator().next().name().toLowerCase(Locale.ROOT) + " here. Your moves from "
                    + move.from() + ": " + (yours.isEmpty() ? "none" : yours));
        }
        boolean wasFull = locked.measure().isFull();
        EnrolmentStatus from = enrolment.status;
        enrolment.status = target;
        enrolment.reason = target.needsReason() ? reason : null;
        enrolment.note = target.needsReason() ? note : null;
        enrolment.declinePersonVersion = target == EnrolmentStatus.REJECTED
                && ReferralDeclineReason.NOT_ELIGIBLE.name().equals(reason) ? person.version : null;
        if (from == EnrolmentStatus.WAITLISTED) {
            enrolment.waitlistSeq = null;
        }
        freePlaceIfHeld(enrolment, locked);
        // After the place is released: that is the enrolment's last change in this transaction.
        events.fire(target == EnrolmentStatus.CANCELLED ? new EnrolmentEvent.Cancelled(enrolment, person)
                : MatchingExclusion.liftedAtOnce(target, reason) ? new EnrolmentEvent.MayBeRecommendedAgain(enrolment, person)
                : new EnrolmentEvent.Moved(enrolment));
        announceAvailability(locked, wasFull);
        Enrolment.getEntityManager().flush();
        return EnrolmentView.of(enrolment);
    }

    /**
     * The system's move: a REFERRED enrolment whose answer-by date is at or before {@code dueBy} becomes EXPIRED,
     * its place goes to the waitlist in order, and the referrer learns of it by the enrolment's status event (the
     * measure may be recommended to the person again, so the person is re-matched too). Takes its locks in the
     * order {@link #transition} does (person, then the programmes' and the measure's), so an expiry and a provider's
     * answer at the same moment queue up: whichever comes second sees the first's outcome, the job skips an answered
     * referral and the provider's move after an expiry is a 409. Returns whether it expired the enrolment; false
     * when it is gone, answered, or not due (any more).
     */
    public boolean expire(UUID id, Instant dueBy) {
        Enrolment enrolment = Enrolment.findById(id);
        if (enrolment == null || enrolment.status != EnrolmentStatus.REFERRED) {
            return false;
        }
        Person person = Person.findById(enrolment.personId, LockModeType.PESSIMISTIC_READ);
        if (person == null) {
            return false; // erased meanwhile, the enrolment with them
        }
        SeatLedger.Locked locked = seats.lock(enrolment);
        Enrolment.getEntityManager().refresh(enrolment);
        if (enrolment.status != EnrolmentStatus.REFERRED || enrolment.answerBy == null || enrolment.answerBy.isAfter(dueBy)) {
            return false;
        }
        boolean wasFull = locked.measure().isFull();
        enrolment.status = EnrolmentStatus.EXPIRED;
        enrolment.reason = null;
        enrolment.note = null;
        freePlaceIfHeld(enrolment, locked);
        events.fire(new EnrolmentEvent.MayBeRecommendedAgain(enrolment, person));
        announceAvailability(locked, wasFull);
        Enrolment.getEntityManager().flush();
        return true;
    }

    /** A place the enrolment held and its new status does not: freed, and given to the waitlists in order. */
    private void freePlaceIfHeld(Enrolment enrolment, SeatLedger.Locked locked) {
        if (enrolment.holdsSeat && !enrolment.status.holdsPlace()) {
            Programme programmePlaceFreed = seats.release(locked, enrolment);
            placeChanged(enrolment.personId, locked.measure());
            promoteOnMeasure(locked);
            if (programmePlaceFreed != null) {
                promoteInProgramme(programmePlaceFreed, locked);
            }
        }
    }

    /**
     * The input rules of a move, before anything is read: REJECTED takes a code of {@link ReferralDeclineReason},
     * OTHER with a note; DROPPED and CANCELLED take any code; a note only comes with a reason.
     */
    private static void checkReason(EnrolmentStatus target, String reason, String note) {
        if (target == null) {
            return; // the request's validation says so
        }
        boolean noReason = reason == null || reason.isBlank();
        if (target.needsReason() && noReason) {
            throw InvalidInput.field("reason", "is required when moving to " + target
                    + (target == EnrolmentStatus.REJECTED ? "; one of " + DECLINE_REASONS : ""));
        }
        if (target == EnrolmentStatus.REJECTED && !DECLINE_REASONS.contains(reason)) {
            throw InvalidInput.field("reason", "must be one of " + DECLINE_REASONS + " to decline a referral");
        }
        boolean noNote = note == null || note.isBlank();
        if (!target.needsReason() && !noNote) {
            throw InvalidInput.field("note", "is only taken with a reason (REJECTED, DROPPED or CANCELLED)");
        }
        if (target == EnrolmentStatus.REJECTED && ReferralDeclineReason.OTHER.name().equals(reason) && noNote) {
            throw InvalidInput.field("note", "is required with reason OTHER: say what the other reason is");
        }
    }

    private static final List<String> DECLINE_REASONS = Arrays.stream(ReferralDeclineReason.values()).map(Enum::name).toList();

    /** The referrer's answer-by date: not before the minimum answer time from now, nor after the longest. */
    private void checkAnswerBy(Instant answerBy) {
        if (answerBy == null) {
            return;
        }
        Instant now = Instant.now();
        Duration min = referrals.minAnswerTime();
        if (answerBy.isBefore(now.plus(min))) {
            throw InvalidInput.field("answerBy", "must be at least " + readable(min) + " from now"
                    + (answerBy.isBefore(now) ? "; it is in the past" : ""));
        }
        if (answerBy.isAfter(now.plus(Duration.ofDays(ReferralConfig.MAX_ANSWER_DAYS)))) {
            throw InvalidInput.field("answerBy", "must be at most " + ReferralConfig.MAX_ANSWER_DAYS + " days from now");
        }
    }

    private static String readable(Duration duration) {
        return duration.toSeconds() % 3600 == 0 ? duration.toHours() + " hours" : duration.toSeconds() + " seconds";
    }

    /** The measure's answer time (or the deployment's default) from now: the clock starts when a place is offered. */
    private Instant answerByFromNow(Measure measure) {
        return Instant.now().plus(Duration.ofDays(answerDays(measure, referrals)));
    }

    /** The answer time of a measure in days: its own, or the deployment's default. */
    public static int answerDays(Measure measure, ReferralConfig referrals) {
        return measure.answerDays != null ? measure.answerDays : referrals.defaultAnswerDays();
    }

    /**
     * Before a person is erased: cancels their open enrolments, so that the places they held go to the waitlist
     * and the counters stay true when the rows disappear with the person.
     */
    void withdrawAll(@Observes PersonChanges.Erasing erasing) {
        for (Enrolment open : Enrolment.<Enrolment>list("personId = ?1 and status in ?2", erasing.person().id, openStatuses())) {
            transition(open.organisationId, open.id, EnrolmentStatus.CANCELLED, "PERSON_ERASED", null, null);
        }
    }

    /** After a measure's capacity rose or its outside count fell: the freed places go to its waitlist, in order. */
    void measureCapacityRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) Measure.CapacityRaised raised) {
        QuarkusTransaction.requiringNew().run(() -> {
            SeatLedger.Locked locked = seats.lock(raised.measureId());
            boolean wasFull = locked.measure().isFull();
            promoteOnMeasure(locked);
            announceAvailability(locked, wasFull);
        });
    }

    /** After a programme's capacity rose: the freed places go to those waiting on its measures, in order. */
    void programmeCapacityRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) Programme.CapacityRaised raised) {
        QuarkusTransaction.requiringNew().run(() -> {
            Programme programme = Programme.findById(raised.programmeId());
            if (programme != null) {
                promoteInProgramme(programme, null);
            }
        });
    }

    /** Gives free places of one measure to its waitlist, first come first served, while there are any. */
    private void promoteOnMeasure(SeatLedger.Locked locked) {
        for (Enrolment waiting : Enrolment.<Enrolment>list("measureId = ?1 and status = ?2", Sort.ascending("waitlistSeq"),
                locked.measure().id, EnrolmentStatus.WAITLISTED)) {
            if (keepApart.blocked(waiting.personId, locked.measure()) || oneHuman.heldElsewhere(waiting.personId, locked.measure())) {
                continue; // waits on, until the person they are kept apart from has left
            }
            if (!seats.tryTake(locked, waiting)) {
                return;
            }
            promoted(waiting, locked.measure());
        }
    }

    /**
     * Gives the programme's free places to those waiting on any of its measures, in the order they joined the
     * waitlists. {@code alreadyLocked}: a measure whose locks this transaction holds, reused rather than taken again.
     */
    private void promoteInProgramme(Programme freed, SeatLedger.Locked alreadyLocked) {
        for (Enrolment waiting : Enrolment.<Enrolment>list("status = ?1 and measureId in "
                        + "(select m.id from Measure m where m.programme.id = ?2)", Sort.ascending("waitlistSeq"),
                EnrolmentStatus.WAITLISTED, freed.id)) {
            SeatLedger.Locked other = alreadyLocked != null && waiting.measureId.equals(alreadyLocked.measure().id)
                    ? alreadyLocked : seats.lock(waiting.measureId);
            if (!seats.hasRoom(other.programme())) {
                return;
            }
            boolean wasFull = other.measure().isFull();
            if (!keepApart.blocked(waiting.personId, other.measure()) && !oneHuman.heldElsewhere(waiting.personId, other.measure())
                    && seats.tryTake(other, waiting)) {
                promoted(waiting, other.measure());
                announceAvailability(other, wasFull);
            }
        }
    }

    /** A place taken or freed: those kept apart from the person, and the person's records elsewhere, are matched again. */
    private void placeChanged(UUID personId, Measure measure) {
        keepApart.placeChanged(personId, measure);
        oneHuman.placeChanged(personId);
    }

    /** Offered a place: the provider's answer time starts now. */
    private void promoted(Enrolment waiting, Measure measure) {
        waiting.status = EnrolmentStatus.REFERRED;
        waiting.waitlistSeq = null;
        waiting.answerBy = answerByFromNow(measure);
        events.fire(new EnrolmentEvent.Moved(waiting));
        placeChanged(waiting.personId, measure);
    }

    /**
     * A measure that became full or free again changes what the worker may offer. Called after the last seat
     * change of the measure in this transaction, since the event carries the version the measure has then.
     */
    private void announceAvailability(SeatLedger.Locked locked, boolean wasFull) {
        Measure measure = locked.measure();
        if (measure.isFull() != wasFull) {
            measureEvents.fire(new MeasureEvent.Updated(measure));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EnrolmentView get(UUID callerOrganisation, UUID id) {
        return EnrolmentView.of(require(callerOrganisation, id));
    }

    /**
     * {@code providerId}: only enrolments in measures that organisation provides; {@code overdue}: only REFERRED
     * ones past their answer-by date (true) or every other (false). {@link EnrolmentOrder#ANSWER_BY}: the
     * provider's inbox ({@link Enrolment#INBOX_ORDER}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<EnrolmentView> list(UUID callerOrganisation, UUID personId, UUID measureId, EnrolmentStatus status,
                                          UUID providerId, Boolean overdue, EnrolmentOrder order, PageParams page) {
        QueryFilter filter = new QueryFilter().equal("personId", personId).equal("measureId", measureId).equal("status", status)
                .when(providerId, "measureId in (select m.id from Measure m where m.provider.id = :provider)", "provider")
                .when(Boolean.TRUE.equals(overdue) ? Instant.now() : null,
                        "(status = " + REFERRED_LITERAL + " and answerBy < :overdueAt)", "overdueAt")
                .when(Boolean.FALSE.equals(overdue) ? Instant.now() : null,
                        "(status <> " + REFERRED_LITERAL + " or answerBy is null or answerBy >= :notOverdueAt)", "notOverdueAt")
                .always("(organisationId = :caller or measureId in (select m.id from Measure m where m.provider.id = :caller))",
                        "caller", callerOrganisation);
        return PageResult.of(order == EnrolmentOrder.ANSWER_BY
                ? Enrolment.find(filter.where() + Enrolment.INBOX_ORDER, filter.parameters())
                : Enrolment.find(filter.where(), Sort.ascending("createdAt", "id"), filter.parameters()), page, EnrolmentView::of);
    }

    /** Whether the person has an open enrolment (waiting or holding a place) in the measure. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasOpenEnrolment(UUID personId, UUID measureId) {
        return Enrolment.count("personId = ?1 and measureId = ?2 and status in ?3", personId, measureId, openStatuses()) > 0;
    }

    /** All of a person's enrolments, for their export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EnrolmentView> ofPerson(UUID personId) {
        return Enrolment.<Enrolment>list("personId", Sort.ascending("createdAt", "id"), personId).stream()
                .map(EnrolmentView::of).toList();
    }

    private static final String REFERRED_LITERAL = EnrolmentStatus.class.getName() + "." + EnrolmentStatus.REFERRED.name();

    /**
     * Measures not to recommend to each person (now), by the rule of {@link MatchingExclusion}, in one query; a
     * person without any is absent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> enrolledMeasures(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> measures = new HashMap<>();
        MatchingExclusion.bind(Enrolment.getEntityManager().createQuery("select distinct e.personId, e.measureId"
                        + " from Enrolment e, Person p where p.id = e.personId and e.personId in :persons and "
                        + MatchingExclusion.EXCLUDES, Object[].class))
                .setParameter("persons", personIds)
                .getResultList()
                .forEach(row -> measures.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]));
        return measures;
    }

    /**
     * The programmes each person holds a place in (a place counted against the programme, see SeatLedger), in one
     * query; a person without any is absent. A full programme still lets such a person take another of its measures.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> heldProgrammes(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> programmes = new HashMap<>();
        Enrolment.getEntityManager().createQuery("select distinct e.personId, e.programmeId from Enrolment e"
                        + " where e.personId in :persons and e.holdsSeat = true and e.programmeId is not null", Object[].class)
                .setParameter("persons", personIds)
                .getResultList()
                .forEach(row -> programmes.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]));
        return programmes;
    }

    /** The person's organisation or the measure's provider may see and move an enrolment; others get 404. */
    private static Enrolment require(UUID callerOrganisation, UUID id) {
        return Records.find(Enrolment.class, id)
                .filter(enrolment -> !enrolment.sidesOf(callerOrganisation, Enrolment.providerOf(enrolment.measureId)).isEmpty())
                .orElseThrow(() -> new NotFound("Enrolment", id));
    }

    private static List<EnrolmentStatus> openStatuses() {
        return List.of(EnrolmentStatus.WAITLISTED, EnrolmentStatus.REFERRED, EnrolmentStatus.ACCEPTED, EnrolmentStatus.ENROLLED);
    }
}
