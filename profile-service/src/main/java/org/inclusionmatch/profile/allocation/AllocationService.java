package org.inclusionmatch.profile.allocation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.engine.Evidence;
import org.inclusionmatch.profile.allocation.AllocationSolver.Candidate;
import org.inclusionmatch.profile.allocation.AllocationSolver.Pair;
import org.inclusionmatch.profile.allocation.AllocationSolver.Problem;
import org.inclusionmatch.profile.allocation.AllocationSolver.Quota;
import org.inclusionmatch.profile.allocation.AllocationSolver.Slot;
import org.inclusionmatch.profile.allocation.AllocationSolver.Solution;
import org.inclusionmatch.profile.common.calendar.MatchingCalendar;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.enrolment.EnrolmentView;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.programme.ProgrammeQuota;
import org.inclusionmatch.profile.report.OutcomeEvidenceService;
import org.inclusionmatch.profile.safety.KeepApartService;
import org.inclusionmatch.profile.whatif.EngineInputs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Allocation rounds (issue 14). Opening a round gathers the candidates (persons who have one of the round's
 * measures recommended, and those already waiting for one), solves the assignment exactly ({@link AllocationSolver})
 * within the free places, the programme's quotas and keep-apart constraints, and stores the proposal beside first
 * come first served on the same candidates. Where published outcome evidence speaks for a candidate the round
 * maximises expected inclusion (fit x the engine's smoothed inclusion rate) instead of fit; where the period has an
 * end date and earlier rounds give a weekly rate of new candidates, it is planned ahead ({@link RoundPlanner}).
 * Confirming refers the assigned persons and waitlists the rest in order of
 * fit, each through the enrolment use case, so places, waitlists, events and audit work as for any referral.
 */
@ApplicationScoped
@Transactional
public class AllocationService {


    /** The weeks of earlier rounds the rate of new candidates is estimated over. */
    static final int HISTORY_WEEKS = 8;

    private final EnrolmentService enrolments;
    private final KeepApartService keepApart;
    private final Event<AllocationRoundEvent> events;
    private final EntityManager em;
    private final OutcomeEvidenceService outcomeEvidence;
    private final MatchingCalendar calendar;
    private final double timeLimitSeconds;

    /**
     * @param timeLimit bound on one solve's search ({@code inclusion.allocation.time-limit}); the answer says whether
     *                  optimality was proven within it, and the gap when it was not
     */
    public AllocationService(EnrolmentService enrolments, KeepApartService keepApart, Event<AllocationRoundEvent> events,
                             EntityManager em, OutcomeEvidenceService outcomeEvidence, MatchingCalendar calendar,
                             @ConfigProperty(name = "inclusion.allocation.time-limit", defaultValue = "20s") Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("inclusion.allocation.time-limit must be positive: " + timeLimit);
        }
        this.timeLimitSeconds = timeLimit.toMillis() / 1000.0;
        this.enrolments = enrolments;
        this.keepApart = keepApart;
        this.events = events;
        this.em = em;
        this.outcomeEvidence = outcomeEvidence;
        this.calendar = calendar;
    }

    /** A candidate as gathered: who, from which organisation, their fit per measure and when they arrived. */
    private static final class Gathered {
        UUID personId;
        UUID organisationId;
        final Map<UUID, Double> fit = new HashMap<>();
        Long waitlistSeq;
        UUID waitingFor;
        Instant recommendedAt;
        Set<String> groups = Set.of();
        String archetype;
        List<String> targetGroups = List.of();
        boolean restricted;
    }

    public AllocationRoundView open(UUID callerOrganisation, String subject, AllocationRequests.Open request) {
        List<Measure> measures;
        Programme programme;
        if (request.measureId() != null) {
            Measure measure = Records.find(Measure.class, request.measureId())
                    .orElseThrow(() -> new NotFound("Measure", request.measureId()));
            programme = measure.programme;
            if (!callerOrganisation.equals(measure.provider.id)
                    && (programme == null || !callerOrganisation.equals(programme.operator.id))) {
                throw new NotPermitted("Only the measure's provider or its programme's operator may open a round for it");
            }
            measures = List.of(measure);
        } else {
            programme = Records.find(Programme.class, request.programmeId())
                    .orElseThrow(() -> new NotFound("Programme", request.programmeId()));
            if (!callerOrganisation.equals(programme.operator.id)) {
                throw new NotPermitted("Only the programme's operator may open a round for its intake");
            }
            measures = Measure.<Measure>list("programme.id", Sort.ascending("code"), programme.id);
        }
        Map<UUID, Integer> slotOf = new LinkedHashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (Measure m : measures) {
            slotOf.put(m.id, slots.size());
            slots.add(new Slot(Math.max(0, m.capacity - m.seatsInUse()), KeepApartService.applies(m)));
        }
        int programmePlaces = programme == null ? -1 : Math.max(0, programme.capacity - programme.placesHeld);

        List<UUID> measureIdList = measures.stream().map(m -> m.id).toList();
        List<Gathered> gathered = gather(measureIdList);
        Set<String> open = openEnrolments(measureIdList);
        Map<UUID, Set<UUID>> blocked = keepApart.blockedMeasures(gathered.stream().map(g -> g.personId).toList());
        Map<UUID, Integer> index = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Gathered g : gathered) {
            index.put(g.personId, candidates.size());
            double[] fit = new double[slots.size()];
            java.util.Arrays.fill(fit, Double.NaN);
            if (g.waitlistSeq == null) { // those already waiting keep their place in line; the round places newcomers
                for (Map.Entry<UUID, Double> e : g.fit.entrySet()) {
                    Integer s = slotOf.get(e.getKey());
                    if (s == null) {
                        continue;
                    }
                    if (blocked.getOrDefault(g.personId, Set.of()).contains(e.getKey()) && slots.get(s).keepApart()) {
                        g.restricted = true;
                    } else if (!open.contains(g.personId + "/" + e.getKey())) {
                        fit[s] = e.getValue();
                    }
                }
            }
            candidates.add(new Candidate(g.groups, fit));
        }
        List<Pair> pairs = keepApart.pairsAmong(index.keySet()).stream()
                .map(p -> new Pair(index.get(p[0]), index.get(p[1]))).toList();
        List<ProgrammeQuota> programmeQuotas = programme == null ? List.of() : programme.quotas();
        List<Quota> quotas = programmeQuotas.stream().map(q -> new Quota(q.group(), q.minPlaces(), q.maxPlaces())).toList();
        Problem problem = new Problem(slots, candidates, quotas, pairs, programmePlaces);

        // The objective: expected inclusion (fit x smoothed inclusion rate) where outcome evidence speaks for any
        // candidate in any of the measures; else fit, exactly as the recommendations scored it.
        double[][] inclusionRate = inclusionRates(measures, gathered, candidates);
        AllocationObjective objective = inclusionRate == null ? AllocationObjective.FIT : AllocationObjective.EXPECTED_INCLUSION;
        Problem weighted = inclusionRate == null ? problem
                : new Problem(slots, IntStream.range(0, candidates.size()).mapToObj(i -> new Candidate(candidates.get(i).groups(),
                        weights(candidates.get(i).fit(), inclusionRate[i]))).toList(), quotas, pairs, programmePlaces);

        // Planning ahead: with a period end and a rate of new candidates from earlier rounds, places are held for
        // the candidates expected in the later weekly rounds (two-stage, RoundPlanner); otherwise today's round alone.
        LocalDate periodEnd = request.measureId() != null
                ? (measures.get(0).endDate != null ? measures.get(0).endDate : programme == null ? null : programme.endDate)
                : programme.endDate;
        long weeksLeft = periodEnd == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(calendar.today(), periodEnd) / 7);
        boolean planWanted = request.planAhead() == null || request.planAhead();
        Double weeklyArrivals = planWanted && weeksLeft > 0 ? weeklyArrivals(request, gathered) : null;
        int expectedLater = weeklyArrivals == null ? 0 : (int) Math.min(RoundPlanner.MAX_DRAWS, Math.round(weeklyArrivals * weeksLeft));
        UUID scope = request.measureId() != null ? request.measureId() : request.programmeId();
        RoundPlanner.Plan plan = RoundPlanner.plan(weighted, expectedLater,
                scope.getMostSignificantBits() ^ scope.getLeastSignificantBits(), timeLimitSeconds);
        Solution best = plan.present();
        int[] arrival = IntStream.range(0, gathered.size()).toArray(); // gathered is in arrival order
        Solution fcfs = AllocationSolver.firstComeFirstServed(problem, arrival);

        AllocationRound round = new AllocationRound();
        round.operatorId = callerOrganisation;
        round.measureId = request.measureId();
        round.programmeId = request.programmeId();
        round.status = AllocationRound.Status.PROPOSED;
        round.places = programmePlaces < 0 ? slots.stream().mapToInt(Slot::freePlaces).sum()
                : Math.min(programmePlaces, slots.stream().mapToInt(Slot::freePlaces).sum());
        round.candidates = gathered.size();
        round.assigned = best.assigned();
        round.totalFit = round4(problem.total(best.slotOf()));
        round.fcfsAssigned = fcfs.assigned();
        round.fcfsTotalFit = round4(fcfs.totalFit());
        round.objective = objective;
        if (objective == AllocationObjective.EXPECTED_INCLUSION) {
            round.expectedInclusion = round4(weighted.total(best.slotOf()));
            round.fcfsExpectedInclusion = round4(weighted.total(fcfs.slotOf()));
        }
        round.planAhead = plan.later() > 0;
        round.periodEnd = periodEnd;
        round.weeklyArrivals = weeklyArrivals == null ? null : Math.round(weeklyArrivals * 100) / 100.0;
        round.laterCandidates = plan.later();
        round.heldPlaces = plan.heldPlaces();
        round.solveMillis = best.solveMillis();
        round.optimal = best.optimal();
        round.quotaShortfall = best.quotaShortfall();
        round.solveMethod = best.proof().method();
        round.timeLimitSeconds = best.proof().timeLimitSeconds();
        round.objectiveValue = best.proof().objective();
        round.bestBound = best.proof().bestBound();
        round.openedBy = subject;
        round.quotaSummary(quotaSummary(problem, best, fcfs));
        round.persist();

        List<UUID> measureIds = new ArrayList<>(slotOf.keySet());
        Map<String, Integer> placedInGroup = new HashMap<>();
        for (Quota quota : problem.quotas()) {
            placedInGroup.put(quota.group(), countIn(problem, best, quota.group()));
        }
        for (int i = 0; i < gathered.size(); i++) {
            Gathered g = gathered.get(i);
            AllocationCandidate c = new AllocationCandidate();
            c.roundId = round.id;
            c.personId = g.personId;
            c.organisationId = g.organisationId;
            c.arrival = i + 1;
            int bestSlot = bestSlot(candidates.get(i));
            c.bestMeasureId = g.waitingFor != null ? g.waitingFor : bestSlot < 0 ? null : measureIds.get(bestSlot);
            c.score = round4(bestSlot < 0 ? g.fit.getOrDefault(c.bestMeasureId, 0.0) : candidates.get(i).fit()[bestSlot]);
            c.measureId = best.slotOf()[i] < 0 ? null : measureIds.get(best.slotOf()[i]);
            c.fcfsMeasureId = fcfs.slotOf()[i] < 0 ? null : measureIds.get(fcfs.slotOf()[i]);
            c.reasonCode = reason(problem, best, i, g, bestSlot, placedInGroup, round.planAhead, objective);
            if (g.waitlistSeq != null) {
                c.waitlistPosition = waitlistPosition(g.waitingFor, g.waitlistSeq);
                c.expectedWaitWeeks = expectedWait(Measure.findById(g.waitingFor), c.waitlistPosition);
            }
            c.persist();
        }
        events.fire(new AllocationRoundEvent.Proposed(round));
        return view(round);
    }

    /** The human a record belongs to: its personal code's link, or the record itself without one. */
    private static String humanOf(Person p) {
        return p.identityLink == null ? p.id.toString() : java.util.HexFormat.of().formatHex(p.identityLink);
    }

    /**
     * Candidates in arrival order: those waiting for one of the measures (by waitlist order), then those who have
     * one recommended (by when the recommendation was stored, then id). Fit is the recommendation's score.
     */
    private List<Gathered> gather(List<UUID> measureIds) {
        Map<UUID, Gathered> byPerson = new LinkedHashMap<>();
        if (measureIds.isEmpty()) {
            return List.of();
        }
        String ids = "{" + String.join(",", measureIds.stream().map(UUID::toString).toList()) + "}";
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("""
                        select e.person_id, e.organisation_id, e.measure_id, e.waitlist_seq from enrolment e
                        where e.measure_id = any(cast(?1 as uuid[])) and e.status = 'WAITLISTED'
                        order by e.waitlist_seq""").setParameter(1, ids).getResultList();
        for (Object[] row : waiting) {
            Gathered g = byPerson.computeIfAbsent((UUID) row[0], id -> new Gathered());
            if (g.personId == null) {
                g.personId = (UUID) row[0];
                g.organisationId = (UUID) row[1];
                g.waitingFor = (UUID) row[2];
                g.waitlistSeq = ((Number) row[3]).longValue();
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> recommended = em.createNativeQuery("""
                        select s.person_id, p.organisation_id, cast(item ->> 'measureId' as uuid), cast(item ->> 'score' as float8), s.stored_at
                        from recommendation_set s
                        join person p on p.id = s.person_id and p.matching_allowed
                        cross join lateral jsonb_array_elements(cast(s.items as jsonb)) item
                        where s.person_id in (select r.person_id from recommended_measure r where r.measure_id = any(cast(?1 as uuid[])))
                          and cast(item ->> 'measureId' as uuid) = any(cast(?1 as uuid[]))
                        order by s.stored_at, s.person_id""").setParameter(1, ids).getResultList();
        for (Object[] row : recommended) {
            Gathered g = byPerson.computeIfAbsent((UUID) row[0], id -> new Gathered());
            if (g.personId == null) {
                g.personId = (UUID) row[0];
                g.organisationId = (UUID) row[1];
                g.recommendedAt = row[4] instanceof Instant t ? t : null;
            }
            g.fit.put((UUID) row[2], ((Number) row[3]).doubleValue());
        }
        // Quota groups, read from the profiles here and kept in memory only: never stored with the round or shown.
        Map<UUID, Person> persons = new HashMap<>();
        if (!byPerson.isEmpty()) {
            Person.<Person>list("id in ?1", byPerson.keySet()).forEach(p -> persons.put(p.id, p));
        }
        List<Gathered> result = new ArrayList<>();
        Set<String> humans = new HashSet<>();
        for (Gathered g : byPerson.values()) {
            Person p = persons.get(g.personId);
            if (p == null || !humans.add(humanOf(p))) {
                continue; // one candidate per human (issue 26): the record that arrived first stands for the person
            }
            Set<String> groups = new HashSet<>();
            if (p.region != null) {
                groups.add(ProgrammeQuota.Dimension.REGION + ":" + p.region.name());
            }
            if (p.targetGroups != null) {
                p.targetGroups.forEach(t -> groups.add(ProgrammeQuota.Dimension.TARGET_GROUP + ":" + t));
            }
            g.groups = groups;
            g.archetype = p.archetype == null ? null : p.archetype.name();
            g.targetGroups = p.targetGroups == null ? List.of() : List.copyOf(p.targetGroups);
            result.add(g);
        }
        return result;
    }

    /** "person/measure" of every open enrolment (waiting or holding a place) in the round's measures, in one query. */
    private Set<String> openEnrolments(List<UUID> measureIds) {
        Set<String> open = new HashSet<>();
        if (measureIds.isEmpty()) {
            return open;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select e.person_id, e.measure_id from enrolment e
                        where e.measure_id = any(cast(?1 as uuid[])) and e.status in ('WAITLISTED', 'REFERRED', 'ACCEPTED', 'ENROLLED')""")
                .setParameter(1, "{" + String.join(",", measureIds.stream().map(UUID::toString).toList()) + "}").getResultList();
        rows.forEach(row -> open.add(row[0] + "/" + row[1]));
        return open;
    }

    private static int bestSlot(Candidate candidate) {
        int best = -1;
        for (int s = 0; s < candidate.fit().length; s++) {
            if (AllocationSolver.allowed(candidate, s) && (best < 0 || candidate.fit()[s] > candidate.fit()[best])) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Per candidate and measure, the smoothed inclusion rate the objective multiplies fit by: the engine's own
     * choice of evidence cell and smoothing ({@link Evidence#usableCell}, {@link Evidence#smoothedRate}) over the
     * published outcome evidence, the overall rate where no cell speaks for the candidate. Null when no cell speaks for
     * any candidate in any measure of the round (or nothing is published): the round then maximises fit.
     */
    private double[][] inclusionRates(List<Measure> measures, List<Gathered> gathered, List<Candidate> candidates) {
        Evidence evidence = EngineInputs.evidence(outcomeEvidence.evidence());
        if (evidence == Evidence.NONE || evidence.cellCount() == 0) {
            return null;
        }
        boolean any = false;
        double[][] rates = new double[candidates.size()][measures.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Gathered g = gathered.get(i);
            for (int s = 0; s < measures.size(); s++) {
                rates[i][s] = evidence.overallRate();
                if (!AllocationSolver.allowed(candidates.get(i), s)) {
                    continue;
                }
                Measure m = measures.get(s);
                var cell = evidence.usableCell(m.id, m.programme == null ? null : m.programme.id, g.archetype, g.targetGroups);
                if (cell.isPresent()) {
                    rates[i][s] = evidence.smoothedRate(cell.get());
                    any = true;
                }
            }
        }
        return any ? rates : null;
    }

    private static double[] weights(double[] fit, double[] rate) {
        double[] w = new double[fit.length];
        for (int s = 0; s < fit.length; s++) {
            w[s] = fit[s] * rate[s]; // NaN (may not take it) stays NaN
        }
        return w;
    }

    /**
     * New candidates per week, from the earlier rounds of the same measure or programme in the last
     * {@link #HISTORY_WEEKS} weeks: the persons who were not candidates in the first of them (its backlog) but came
     * after, in a later round or now, over the weeks since that first round. Null when the first is less than a week
     * old or there is none: no history to plan with.
     */
    private Double weeklyArrivals(AllocationRequests.Open request, List<Gathered> gathered) {
        Instant now = Instant.now();
        String column = request.measureId() != null ? "measure_id" : "programme_id";
        UUID scope = request.measureId() != null ? request.measureId() : request.programmeId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.person_id, min(r.created_at) from allocation_round r "
                        + "join allocation_candidate c on c.round_id = r.id where r." + column + " = ?1 and r.created_at >= ?2 "
                        + "group by c.person_id")
                .setParameter(1, scope).setParameter(2, now.minus(Duration.ofDays(7L * HISTORY_WEEKS))).getResultList();
        Map<UUID, Instant> firstSeen = new HashMap<>();
        for (Object[] row : rows) {
            firstSeen.put((UUID) row[0], row[1] instanceof Instant t ? t : ((java.time.OffsetDateTime) row[1]).toInstant());
        }
        Instant first = firstSeen.values().stream().min(Comparator.naturalOrder()).orElse(null);
        if (first == null || Duration.between(first, now).toDays() < 7) {
            return null;
        }
        long newcomers = firstSeen.values().stream().filter(t -> t.isAfter(first)).count()
                + gathered.stream().filter(g -> !firstSeen.containsKey(g.personId)).count();
        double weeks = Duration.between(first, now).toMinutes() / (7 * 24 * 60.0);
        return newcomers / weeks;
    }

    /** Why the person got what the proposal gives them; neutral where a keep-apart constraint is the cause. */
    private static String reason(Problem problem, Solution best, int i, Gathered g, int bestSlot,
                                 Map<String, Integer> placedInGroup, boolean plannedAhead, AllocationObjective objective) {
        if (best.slotOf()[i] >= 0) {
            return "ASSIGNED";
        }
        if (g.waitlistSeq != null) {
            return "ALREADY_WAITLISTED";
        }
        if (bestSlot < 0) {
            return g.restricted ? KeepApartService.NEUTRAL_REASON : "NO_FREE_PLACE";
        }
        Candidate candidate = problem.candidates().get(i);
        for (Quota quota : problem.quotas()) {
            if (quota.max() != null && candidate.groups().contains(quota.group())) {
                if (placedInGroup.getOrDefault(quota.group(), 0) >= quota.max()) {
                    return "QUOTA_REACHED";
                }
            }
        }
        for (Pair pair : problem.pairs()) {
            int other = pair.a() == i ? pair.b() : pair.b() == i ? pair.a() : -1;
            if (other >= 0 && best.slotOf()[other] >= 0 && problem.slots().get(best.slotOf()[other]).keepApart()
                    && AllocationSolver.allowed(candidate, best.slotOf()[other])) {
                return KeepApartService.NEUTRAL_REASON;
            }
        }
        if (problem.slots().get(bestSlot).freePlaces() == 0) {
            return "NO_FREE_PLACE";
        }
        if (plannedAhead && roomLeft(problem, best, candidate)) {
            return AllocationReason.HELD_FOR_LATER.name(); // a place they may take is left free for a later candidate
        }
        return objective == AllocationObjective.EXPECTED_INCLUSION ? AllocationReason.LOWER_EXPECTED_INCLUSION.name() : "LOWER_FIT";
    }

    /** Whether the proposal leaves a place free that the candidate may take (in the measure and in the programme). */
    private static boolean roomLeft(Problem problem, Solution best, Candidate candidate) {
        int assigned = best.assigned();
        if (problem.programmePlaces() >= 0 && assigned >= problem.programmePlaces()) {
            return false;
        }
        for (int s = 0; s < problem.slots().size(); s++) {
            int slot = s;
            long taken = java.util.Arrays.stream(best.slotOf()).filter(x -> x == slot).count();
            if (AllocationSolver.allowed(candidate, s) && taken < problem.slots().get(s).freePlaces()) {
                return true;
            }
        }
        return false;
    }

    private static List<AllocationRoundView.QuotaView> quotaSummary(Problem problem, Solution best, Solution fcfs) {
        List<AllocationRoundView.QuotaView> views = new ArrayList<>();
        for (Quota quota : problem.quotas()) {
            int proposed = countIn(problem, best, quota.group());
            int baseline = countIn(problem, fcfs, quota.group());
            boolean met = (quota.max() == null || proposed <= quota.max()) && (quota.min() == null || proposed >= quota.min());
            views.add(new AllocationRoundView.QuotaView(quota.group(), quota.min(), quota.max(), shown(proposed), shown(baseline), met));
        }
        return views;
    }

    private static int countIn(Problem problem, Solution solution, String group) {
        return (int) IntStream.range(0, solution.slotOf().length)
                .filter(j -> solution.slotOf()[j] >= 0 && problem.candidates().get(j).groups().contains(group)).count();
    }

    /** Counts of people in a group are shown from 5 on (the threshold of the reports); 0 says nothing about anyone. */
    private static Integer shown(int count) {
        return count == 0 || count >= 5 ? count : null;
    }

    public AllocationRoundView confirm(UUID callerOrganisation, String subject, UUID id, AllocationRequests.Confirm request,
                                       String ifMatch) {
        AllocationRound round = require(callerOrganisation, id);
        ExpectedVersion.check(ifMatch, round.version);
        if (round.status != AllocationRound.Status.PROPOSED) {
            throw new Conflict(Conflict.Cause.ROUND_NOT_PROPOSED, "The round is " + round.status + "; only a PROPOSED round can be confirmed");
        }
        boolean waitlistRest = request == null || request.waitlistRest() == null || request.waitlistRest();
        List<AllocationCandidate> all = candidates(round.id);
        // The assigned first, best fit first, so that a place taken meanwhile costs the weakest fit; then the rest.
        List<AllocationCandidate> order = new ArrayList<>(all);
        order.sort(Comparator.comparing((AllocationCandidate c) -> c.measureId == null)
                .thenComparing(c -> -c.score).thenComparing(c -> c.arrival));
        for (AllocationCandidate c : order) {
            if (c.measureId != null) {
                refer(c, c.measureId, false);
            } else if (waitlistRest && c.bestMeasureId != null && !"ALREADY_WAITLISTED".equals(c.reasonCode)
                    && !KeepApartService.NEUTRAL_REASON.equals(c.reasonCode)) {
                refer(c, c.bestMeasureId, true);
            }
        }
        round.status = AllocationRound.Status.CONFIRMED;
        round.confirmedBy = subject;
        round.confirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        events.fire(new AllocationRoundEvent.Confirmed(round));
        return view(round);
    }

    /**
     * Refers one candidate through the enrolment use case. {@code onlyToWait}: the person had no place in the
     * proposal, so they are referred only where that puts them on the waitlist, never into a place the proposal left
     * free (a quota kept it free).
     */
    private void refer(AllocationCandidate c, UUID measureId, boolean onlyToWait) {
        Measure measure = Measure.findById(measureId);
        Person person = Person.findById(c.personId);
        if (measure == null || person == null || enrolments.hasOpenEnrolment(c.personId, measureId)) {
            return;
        }
        if (keepApart.blocked(c.personId, measure)) {
            c.reasonCode = KeepApartService.NEUTRAL_REASON;
            return;
        }
        if (onlyToWait && hasRoom(measure)) {
            return;
        }
        EnrolmentView enrolment = enrolments.refer(person.organisation.id, c.personId, measureId);
        c.enrolmentId = enrolment.id();
        if (enrolment.status() == EnrolmentStatus.WAITLISTED) {
            c.waitlistPosition = enrolment.waitlistPosition();
            c.expectedWaitWeeks = expectedWait(measure, enrolment.waitlistPosition());
            if (!onlyToWait) {
                c.reasonCode = "PLACE_TAKEN_MEANWHILE";
            } // else the reason stays why they had no place (LOWER_FIT, QUOTA_REACHED, ...), now with a position
        }
    }

    private static boolean hasRoom(Measure measure) {
        Measure.getEntityManager().refresh(measure);
        if (measure.programme != null) {
            Measure.getEntityManager().refresh(measure.programme);
        }
        boolean measureRoom = !measure.isFull();
        boolean programmeRoom = measure.programme == null || measure.programme.placesHeld < measure.programme.capacity;
        return measureRoom && programmeRoom;
    }

    /**
     * Expected wait for a waitlist position: places turn over once per run of the measure (start to end, at least a
     * week), so position p waits about p / capacity runs. An estimate for planning, not a promise.
     */
    static Integer expectedWait(Measure measure, Integer position) {
        if (measure == null || position == null || measure.capacity <= 0) {
            return null;
        }
        long runWeeks = measure.startDate == null || measure.endDate == null ? 4
                : Math.max(1, ChronoUnit.WEEKS.between(measure.startDate, measure.endDate));
        return (int) Math.max(1, Math.ceil((double) position * runWeeks / measure.capacity));
    }

    private static int waitlistPosition(UUID measureId, long seq) {
        return (int) org.inclusionmatch.profile.enrolment.Enrolment.count("measureId = ?1 and status = ?2 and waitlistSeq < ?3",
                measureId, EnrolmentStatus.WAITLISTED, seq) + 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationRoundView get(UUID callerOrganisation, UUID id) {
        return view(require(callerOrganisation, id));
    }

    /** The person's entries in every round, for their export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllocationRoundView.CandidateEntry> ofPerson(UUID personId) {
        return AllocationCandidate.<AllocationCandidate>list("personId", Sort.ascending("roundId"), personId).stream()
                .map(c -> new AllocationRoundView.CandidateEntry(c.roundId, c.score, c.measureId, c.reasonCode, c.enrolmentId,
                        c.waitlistPosition, c.expectedWaitWeeks)).toList();
    }

    /** Only the organisation that opened the round sees it; others get 404. */
    private static AllocationRound require(UUID callerOrganisation, UUID id) {
        return Records.find(AllocationRound.class, id).filter(r -> r.operatorId.equals(callerOrganisation))
                .orElseThrow(() -> new NotFound("Allocation round", id));
    }

    private static List<AllocationCandidate> candidates(UUID roundId) {
        return AllocationCandidate.list("roundId", Sort.ascending("arrival"), roundId);
    }

    private static AllocationRoundView view(AllocationRound r) {
        List<AllocationRoundView.CandidateView> items = candidates(r.id).stream()
                .map(c -> new AllocationRoundView.CandidateView(c.personId, c.organisationId, c.arrival, c.bestMeasureId, c.score,
                        c.measureId, c.fcfsMeasureId, c.reasonCode, c.enrolmentId, c.waitlistPosition, c.expectedWaitWeeks))
                .toList();
        return new AllocationRoundView(r.id, r.operatorId, r.measureId, r.programmeId, r.status, r.places, r.candidates,
                r.assigned, r.totalFit, r.objective, r.expectedInclusion,
                new AllocationRoundView.Comparison(r.fcfsAssigned, r.fcfsTotalFit, r.fcfsExpectedInclusion),
                new AllocationRoundView.Planning(r.planAhead, r.periodEnd, r.weeklyArrivals, r.laterCandidates, r.heldPlaces), r.solveMillis,
                r.optimal, r.solveMethod == null ? null
                        : AllocationRoundView.Solve.of(r.solveMethod, r.timeLimitSeconds, r.objectiveValue, r.bestBound),
                r.quotaShortfall, r.quotaSummary(), items,
                r.openedBy, r.confirmedBy, r.confirmedAt, r.version, r.createdAt);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
