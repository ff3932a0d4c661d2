package org.inclusionmatch.profile.whatif;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.Evidence;
import org.inclusionmatch.engine.MatchingEngine;
import org.inclusionmatch.engine.PersonProfile;
import org.inclusionmatch.engine.Recommendation;
import org.inclusionmatch.profile.common.calendar.MatchingCalendar;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.matching.MatchingService;
import org.inclusionmatch.profile.matching.MatchingView;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureRequest;
import org.inclusionmatch.profile.measure.MeasureService;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.programme.ProgrammeService;
import org.inclusionmatch.profile.report.OutcomeEvidenceService;
import org.inclusionmatch.profile.report.ProtectedGroups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The what-if of a draft programme (issue 13): the engine matches every current person the caller may count on one
 * day, once against the stored catalogue and once against it plus the drafts, and the differences are counted under
 * the inclusion report's disclosure control. Reads only: the drafts are checked as their creates would check them
 * but never stored, and no recommendation, outbox row or event is written.
 *
 * <p>A draft can be varied at will, so each answer is a query the caller designs (a rule such as
 * {@code person.birthYear == 1971} picks a few people). The counts are therefore protected as the report's are, by
 * the cell-key method on the persons' own record keys: the noise depends only on which persons a count holds, so the
 * same people give the same figure whichever draft selected them, a count under {@link CellKeyMethod#MINIMUM_CELL} is
 * withheld, and so is a count whose complement in its row is (everyone but one or two).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatIfService {

    static final int PAGE = 500;
    static final int TOP = 3;
    static final int DISPLACED_SHOWN = 10;
    private final ProgrammeService programmes;
    private final MeasureService measures;
    private final MatchingService matching;
    private final OutcomeEvidenceService evidence;
    private final MatchingCalendar calendar;
    private final MatchingEngine engine = new MatchingEngine();

    public WhatIfService(ProgrammeService programmes, MeasureService measures, MatchingService matching,
                         OutcomeEvidenceService evidence, MatchingCalendar calendar) {
        this.calendar = calendar;
        this.programmes = programmes;
        this.measures = measures;
        this.matching = matching;
        this.evidence = evidence;
    }

    /** {@code organisationId}: count only that organisation's persons; null: every organisation's. */
    public WhatIfAnswer whatIf(WhatIfRequest request, UUID organisationId) {
        Programme draft;
        try {
            draft = programmes.draft(request.programme());
        } catch (InvalidInput e) {
            throw e.within("programme");
        }
        List<Measure> drafts = new ArrayList<>();
        for (int i = 0; i < request.measures().size(); i++) {
            MeasureRequest measure = request.measures().get(i);
            if (measure.programmeId() != null) {
                throw InvalidInput.field("measures[" + i + "].programmeId",
                        "must be left out: a draft measure belongs to the draft programme");
            }
            try {
                drafts.add(measures.draft(measure, draft));
            } catch (InvalidInput e) {
                throw e.within("measures[" + i + "]");
            }
        }
        LocalDate today = calendar.today();
        LocalDate day = request.evaluationDay() != null ? request.evaluationDay()
                : draft.startDate.isAfter(today) ? draft.startDate : today;

        List<Programme> storedProgrammes = Programme.listAll();
        List<Measure> storedMeasures = Measure.list("from Measure m left join fetch m.programme");
        Evidence outcomes = EngineInputs.evidence(evidence.evidence());
        Catalogue without = Catalogue.of(storedProgrammes.stream().map(EngineInputs::programme).toList(),
                storedMeasures.stream().map(EngineInputs::measure).toList()).withEvidence(outcomes);
        Catalogue with = Catalogue.of(
                Stream.concat(storedProgrammes.stream(), Stream.of(draft)).map(EngineInputs::programme).toList(),
                Stream.concat(storedMeasures.stream(), drafts.stream()).map(EngineInputs::measure).toList())
                .withEvidence(outcomes);
        Set<UUID> draftIds = new HashSet<>();
        drafts.forEach(m -> draftIds.add(m.id));
        Map<UUID, String> codes = new HashMap<>();
        storedMeasures.forEach(m -> codes.put(m.id, m.code));
        List<WhatIfAnswer.DraftMeasure> draftMeasures = drafts.stream()
                .map(m -> new WhatIfAnswer.DraftMeasure(m.code, m.id)).toList();
        Panache.getEntityManager().clear(); // the catalogue is the engine's now; pages of persons come and go

        Tally tally = new Tally();
        UUID after = new UUID(0, 0);
        while (true) {
            List<Person> page = persons(organisationId, after);
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, Person> byId = new HashMap<>();
            page.forEach(p -> byId.put(p.id, p));
            List<MatchingView> views = matching.viewsOf(page);
            List<Counted> counted = views.parallelStream()
                    .map(view -> count(EngineInputs.person(view), byId.get(view.person().id()), without, with, draftIds, day))
                    .toList();
            counted.forEach(tally::add);
            after = page.getLast().id;
            Panache.getEntityManager().clear();
        }
        return new WhatIfAnswer(day, MatchingEngine.ENGINE_VERSION, organisationId, CellKeyMethod.MINIMUM_CELL,
                WhatIfAnswer.DISCLOSURE_CONTROL, draftMeasures, tally.total.publish(null, null),
                tally.byRegion.entrySet().stream().map(e -> e.getValue().publish(e.getKey(), null)).toList(),
                tally.byTargetGroup.entrySet().stream().map(e -> e.getValue().publish(null, e.getKey())).toList(),
                tally.displaced(codes));
    }

    /** The next page of current persons in id order: those who may be matched, of the organisation if one is given. */
    private static List<Person> persons(UUID organisationId, UUID after) {
        return organisationId == null
                ? Person.<Person>find("from Person p join fetch p.organisation where p.matchingAllowed = true and p.id > ?1 "
                        + "order by p.id", after).page(0, PAGE).list()
                : Person.<Person>find("from Person p join fetch p.organisation where p.matchingAllowed = true and p.id > ?1 "
                        + "and p.organisation.id = ?2 order by p.id", after, organisationId).page(0, PAGE).list();
    }

    /** One person's part: thread-safe (the engine holds no state; the catalogues only their rules' cut-off counts). */
    private Counted count(PersonProfile profile, Person person, Catalogue without, Catalogue with, Set<UUID> draftIds,
                          LocalDate day) {
        Set<UUID> before = topThree(engine.recommend(profile, without, day));
        Set<UUID> after = topThree(engine.recommend(profile, with, day));
        boolean eligible = !engine.eligibleAmong(profile, with, day, draftIds).isEmpty();
        boolean inTopThree = after.stream().anyMatch(draftIds::contains);
        Set<UUID> lost = new HashSet<>(before);
        lost.removeAll(after);
        return new Counted(profile.region(), profile.targetGroups(), person.recordKey, eligible, inTopThree, lost);
    }

    private static Set<UUID> topThree(List<Recommendation> recommendations) {
        Set<UUID> top = new HashSet<>();
        recommendations.stream().filter(r -> r.rank() <= TOP).forEach(r -> top.add(r.measureId()));
        return top;
    }

    /** What one person contributes; never leaves this class. */
    private record Counted(String region, List<String> targetGroups, int recordKey, boolean eligible,
                           boolean topThree, Set<UUID> lost) {
    }

    /** Exact counts and the sums of their persons' record keys; only {@link Row#publish} lets figures out. */
    private static final class Row {
        int persons;
        long personKeys;
        int eligible;
        long eligibleKeys;
        int topThree;
        long topThreeKeys;

        void add(Counted c) {
            persons++;
            personKeys += c.recordKey();
            if (c.eligible()) {
                eligible++;
                eligibleKeys += c.recordKey();
            }
            if (c.topThree()) {
                topThree++;
                topThreeKeys += c.recordKey();
            }
        }

        WhatIfAnswer.Cell publish(String region, String targetGroup) {
            Integer shownPersons = CellKeyMethod.publish(persons, personKeys);
            if (shownPersons == null) {
                return new WhatIfAnswer.Cell(region, targetGroup, null, null, null, true);
            }
            Integer shownEligible = part(eligible, eligibleKeys, shownPersons);
            Integer shownTopThree = part(topThree, topThreeKeys, shownPersons);
            return new WhatIfAnswer.Cell(region, targetGroup, shownPersons, shownEligible, shownTopThree,
                    shownEligible == null || shownTopThree == null);
        }

        /** A part of the row, shown only when neither it nor the rest of the row is a small group (as the report's included). */
        private Integer part(int count, long keys, int shownPersons) {
            Integer shown = CellKeyMethod.publish(count, keys);
            Integer rest = CellKeyMethod.publish(persons - count, personKeys - keys);
            return shown == null || rest == null || shown > shownPersons ? null : shown;
        }
    }

    private static final class Tally {
        final Row total = new Row();
        // every region and target group of the fixed lists, in their order, whether anyone is counted in it or not
        final Map<String, Row> byRegion = rows(ProtectedGroups.REGIONS);
        final Map<String, Row> byTargetGroup = rows(ProtectedGroups.TARGET_GROUPS);
        final Map<UUID, int[]> lost = new HashMap<>();
        final Map<UUID, long[]> lostKeys = new HashMap<>();

        void add(Counted c) {
            total.add(c);
            Row region = byRegion.get(c.region());
            if (region != null) {
                region.add(c);
            }
            ProtectedGroups.targetGroups(c.targetGroups()).forEach(g -> byTargetGroup.get(g).add(c));
            for (UUID measure : c.lost()) {
                lost.computeIfAbsent(measure, m -> new int[1])[0]++;
                lostKeys.computeIfAbsent(measure, m -> new long[1])[0] += c.recordKey();
            }
        }

        private static Map<String, Row> rows(List<String> groups) {
            Map<String, Row> rows = new LinkedHashMap<>();
            groups.forEach(g -> rows.put(g, new Row()));
            return rows;
        }

        List<WhatIfAnswer.Displaced> displaced(Map<UUID, String> codes) {
            List<WhatIfAnswer.Displaced> shown = new ArrayList<>();
            lost.forEach((measure, count) -> {
                Integer published = CellKeyMethod.publish(count[0], lostKeys.get(measure)[0]);
                if (published != null) {
                    shown.add(new WhatIfAnswer.Displaced(measure, codes.get(measure), published));
                }
            });
            return shown.stream()
                    .sorted(Comparator.comparingInt(WhatIfAnswer.Displaced::persons).reversed()
                            .thenComparing(WhatIfAnswer.Displaced::measureCode))
                    .limit(DISPLACED_SHOWN).toList();
        }
    }
}
