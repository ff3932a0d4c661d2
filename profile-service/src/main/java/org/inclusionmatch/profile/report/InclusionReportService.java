package org.inclusionmatch.profile.report;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.programme.Programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The figure funders ask for: of the participants whose programme period lies in [from, to], how many ended up
 * in employment or education. Small cells are suppressed, including the one cell that could otherwise be
 * worked out by subtracting the others from the total.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InclusionReportService {

    static final int MINIMUM_CELL = 5;

    public InclusionReport report(UUID programmeId, LocalDate from, LocalDate to, String region, String targetGroup,
                                  UUID measureId) {
        Programme programme = Records.require(Programme.class, programmeId, "Programme");
        if (from == null || to == null) {
            throw ApiException.badRequest("Give the period as from and to (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select o.region, count(*), count(*) filter (where o.status <> 'NOT_INCLUDED')
                        from outcome o
                        where o.programme_id = ?1 and o.period_start >= ?2 and o.period_end <= ?3
                          and (cast(?4 as varchar) is null or o.region = ?4)
                          and (cast(?5 as varchar) is null or cast(?5 as varchar) = any(o.target_groups))
                          and (cast(?6 as uuid) is null or exists (
                                select 1 from enrolment e where e.person_id = o.person_id and e.measure_id = ?6))
                        group by o.region order by o.region""", Object[].class)
                .setParameter(1, programmeId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, region).setParameter(5, targetGroup).setParameter(6, measureId)
                .getResultList();
        List<int[]> counts = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (Object[] row : rows) {
            regions.add((String) row[0]);
            counts.add(new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
        }
        int participants = counts.stream().mapToInt(c -> c[0]).sum();
        int included = counts.stream().mapToInt(c -> c[1]).sum();
        Cell total = cell(null, participants, included);
        List<Cell> byRegion = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            byRegion.add(cell(regions.get(i), counts.get(i)[0], counts.get(i)[1]));
        }
        byRegion = suppressComplement(byRegion, total);
        return new InclusionReport(programme.id, programme.code, from, to,
                new InclusionReport.Filters(region, targetGroup, measureId), MINIMUM_CELL,
                total.toPublic(), byRegion.stream().map(Cell::toPublic).toList());
    }

    /** With the total shown, a single suppressed row could be recovered by subtraction: hide the next smallest too. */
    private static List<Cell> suppressComplement(List<Cell> rows, Cell total) {
        if (total.suppressed() || rows.stream().filter(Cell::suppressed).count() != 1) {
            return rows;
        }
        Cell nextSmallest = rows.stream().filter(c -> !c.suppressed())
                .min(Comparator.comparingInt(Cell::participants)).orElse(null);
        if (nextSmallest == null) {
            return rows;
        }
        return rows.stream().map(c -> c == nextSmallest ? c.suppressedCopy() : c).toList();
    }

    private static Cell cell(String region, int participants, int included) {
        boolean small = participants < MINIMUM_CELL || included < MINIMUM_CELL || participants - included < MINIMUM_CELL;
        return new Cell(region, participants, included, small);
    }

    /** A row before suppression is applied to what is shown. */
    private record Cell(String region, int participants, int included, boolean suppressed) {

        Cell suppressedCopy() {
            return new Cell(region, participants, included, true);
        }

        InclusionReport.Cell toPublic() {
            if (participants < MINIMUM_CELL) {
                return new InclusionReport.Cell(region, null, null, null, null, true);
            }
            if (suppressed) {
                return new InclusionReport.Cell(region, participants, null, null, null, true);
            }
            double rate = participants == 0 ? 0 : (double) included / participants;
            return new InclusionReport.Cell(region, participants, included, Math.round(rate * 1000) / 1000.0,
                    (int) Math.round(rate * 100), false);
        }
    }
}
