package org.inclusionmatch.profile.measure;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A measure's waitlist and the pace it moves at: how many referrals wait, and how many places enrolments that ended
 * (completed, dropped, rejected, expired) freed in the last 90 days. A cancelled enrolment is not counted, since it may never
 * have held a place, so the pace is a lower bound and the expected wait the engine derives from it errs long.
 * Read from the enrolment table directly (the enrolment package depends on this one, not the other way round).
 * Counts of the measure's own operation, like {@code seatsHeld}; no person is named.
 */
record WaitlistFigures(int waiting, int released) {

    static final WaitlistFigures NONE = new WaitlistFigures(0, 0);

    /** The figures of these measures in one query; a measure without enrolments is absent. */
    static Map<UUID, WaitlistFigures> of(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Measure.getEntityManager().createNativeQuery("""
                        select measure_id,
                               count(*) filter (where status = 'WAITLISTED'),
                               count(*) filter (where status in ('COMPLETED', 'DROPPED', 'REJECTED', 'EXPIRED')
                                                  and updated_at >= now() - interval '90 days')
                        from enrolment where measure_id = any(cast(?1 as uuid[])) group by measure_id""")
                .setParameter(1, measureIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, WaitlistFigures> figures = new HashMap<>();
        for (Object[] row : rows) {
            figures.put((UUID) row[0], new WaitlistFigures(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return figures;
    }
}
