package org.inclusionmatch.profile.report;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.programme.Programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.inclusionmatch.profile.disclosure.CellKeyMethod.MINIMUM_CELL;

/**
 * The figure funders ask for: of the participants whose programme period lies in [from, to], how many ended up
 * in employment or education. Protected by the cell-key method: every count is perturbed by noise keyed on the
 * records it counts, and small cells are suppressed, so that no sequence of requests (regions, filters,
 * neighbouring periods) gives the exact count of a group of fewer than {@link CellKeyMethod#MINIMUM_CELL}.
 * Periods are whole calendar months, the grid the figures are published on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InclusionReportService {

    public InclusionReport report(UUID programmeId, LocalDate from, LocalDate to, String region, String targetGroup,
                                  UUID measureId) {
        Programme programme = Records.require(Programme.class, programmeId, "Programme");
        checkPeriod(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select o.region, count(*), count(*) filter (where o.status <> 'NOT_INCLUDED'),
                               coalesce(sum(o.record_key), 0), coalesce(sum(o.record_key) filter (where o.status <> 'NOT_INCLUDED'), 0)
                        from (
                          -- one outcome per human (issue 26): records of one person in several organisations count once,
                          -- included if any of them is
                          select distinct on (p.human_key) o.region, o.status, o.record_key
                          from outcome o join person p on p.id = o.person_id
                          where o.programme_id = ?1 and o.period_start >= ?2 and o.period_end <= ?3
                            and (cast(?4 as varchar) is null or o.region = ?4)
                            and (cast(?5 as varchar) is null or cast(?5 as varchar) = any(o.target_groups))
                            and (cast(?6 as uuid) is null or exists (
                                  select 1 from enrolment e join person q on q.id = e.person_id
                                  where q.human_key = p.human_key and e.measure_id = ?6))
                          order by p.human_key, (o.status <> 'NOT_INCLUDED') desc, o.record_key
                        ) o
                        group by o.region order by o.region""", Object[].class)
                .setParameter(1, programmeId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, region).setParameter(5, targetGroup).setParameter(6, measureId)
                .getResultList();
        // every region, in the fixed order, whether anyone is counted in it or not (an empty one is suppressed)
        Map<String, Counts> regions = new LinkedHashMap<>();
        ProtectedGroups.REGIONS.forEach(code -> regions.put(code, Counts.NONE));
        Counts total = Counts.NONE;
        for (Object[] row : rows) {
            Counts counts = new Counts(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
            regions.computeIfPresent((String) row[0], (r, none) -> counts);
            total = total.plus(counts);
        }
        List<InclusionReport.Cell> byRegion = new ArrayList<>();
        regions.forEach((code, counts) -> byRegion.add(counts.publish(code)));
        return new InclusionReport(programme.id, programme.code, from, to,
                new InclusionReport.Filters(region, targetGroup, measureId), MINIMUM_CELL,
                InclusionReport.DISCLOSURE_CONTROL, total.publish(null), byRegion);
    }

    /** Whole calendar months only: a fixed grid, so that periods cannot be shifted a day at a time. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidRequest("Give the period as from and to (YYYY-MM-DD)");
        }
        if (from.getDayOfMonth() != 1) {
            throw InvalidInput.field("from", "must be the first day of a month (reports cover whole months)");
        }
        if (!to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
            throw InvalidInput.field("to", "must be the last day of a month (reports cover whole months)");
        }
        if (to.isBefore(from)) {
            throw InvalidInput.field("to", "must not be before from");
        }
    }

    /** Exact counts of one cell and the sums of their records' keys; never leaves this class. */
    private record Counts(int participants, int included, long participantKeys, long includedKeys) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(participants + other.participants, included + other.included,
                    participantKeys + other.participantKeys, includedKeys + other.includedKeys);
        }

        InclusionReport.Cell publish(String region) {
            CellKeyMethod.Share share = CellKeyMethod.publishShare(participants, participantKeys, included, includedKeys);
            return new InclusionReport.Cell(region, share.count(), share.part(), share.rate(),
                    share.rate() == null ? null : (int) Math.round(100.0 * share.part() / share.count()), share.suppressed());
        }
    }
}
