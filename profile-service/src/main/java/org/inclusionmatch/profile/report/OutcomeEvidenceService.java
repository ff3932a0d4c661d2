package org.inclusionmatch.profile.report;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Evidence for the matching engine from recorded outcomes: for each programme and each measure (the persons who held a
 * place in it), per target group, how many took part and how many were included in work or education. Every count goes
 * through {@link CellKeyMethod} as in the inclusion report, and a cell is given only when its participants, its
 * included and its others are all shown, so a rate never rests on a group under 5.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeEvidenceService {

    private static final String COUNTS = """
            count(*), count(*) filter (where o.status <> 'NOT_INCLUDED'),
            coalesce(sum(o.record_key), 0), coalesce(sum(o.record_key) filter (where o.status <> 'NOT_INCLUDED'), 0)""";

    public OutcomeEvidence evidence() {
        List<OutcomeEvidence.Cell> cells = new ArrayList<>();
        for (Object[] row : rows("select o.programme_id, g, " + COUNTS
                + " from outcome o cross join lateral unnest(o.target_groups) g group by o.programme_id, g order by 1, 2")) {
            publish("PROGRAMME", row).ifPresent(cells::add);
        }
        for (Object[] row : rows("select e.measure_id, g, " + COUNTS + """
                 from outcome o
                 join (select distinct en.person_id, en.measure_id, m.programme_id from enrolment en
                       join measure m on m.id = en.measure_id
                       where en.status in ('ENROLLED', 'COMPLETED', 'DROPPED')) e
                   on e.person_id = o.person_id and e.programme_id = o.programme_id
                 cross join lateral unnest(o.target_groups) g
                 group by e.measure_id, g order by 1, 2""")) {
            publish("MEASURE", row).ifPresent(cells::add);
        }
        Double overall = null;
        List<Object[]> total = rows("select 0, '', " + COUNTS + " from outcome o");
        if (!total.isEmpty()) {
            var cell = publish("ALL", total.get(0));
            if (cell.isPresent()) {
                overall = Math.round((double) cell.get().included() / cell.get().participants() * 1000) / 1000.0;
            }
        }
        return new OutcomeEvidence(overall, CellKeyMethod.MINIMUM_CELL, cells);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql) {
        return Panache.getEntityManager().createNativeQuery(sql).getResultList();
    }

    private static java.util.Optional<OutcomeEvidence.Cell> publish(String scope, Object[] row) {
        int participants = ((Number) row[2]).intValue();
        int included = ((Number) row[3]).intValue();
        long participantKeys = ((Number) row[4]).longValue();
        long includedKeys = ((Number) row[5]).longValue();
        Integer shownParticipants = CellKeyMethod.publish(participants, participantKeys);
        Integer shownIncluded = CellKeyMethod.publish(included, includedKeys);
        Integer shownOthers = CellKeyMethod.publish(participants - included, participantKeys - includedKeys);
        if (shownParticipants == null || shownIncluded == null || shownOthers == null || shownIncluded > shownParticipants) {
            return java.util.Optional.empty();
        }
        UUID id = row[0] instanceof UUID uuid ? uuid : null;
        return java.util.Optional.of(new OutcomeEvidence.Cell(scope, id, "TARGET_GROUP", String.valueOf(row[1]),
                shownParticipants, shownIncluded));
    }
}
