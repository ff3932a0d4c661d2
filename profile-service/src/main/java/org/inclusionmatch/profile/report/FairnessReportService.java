package org.inclusionmatch.profile.report;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.inclusionmatch.profile.programme.Programme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.inclusionmatch.profile.disclosure.CellKeyMethod.MINIMUM_CELL;

/**
 * The fairness monitor (issue 14): of the persons of a programme and period, who got how far from recommendation
 * to inclusion, per target group, gender, age band and region. Each stage's base is the stage before:
 * <ul>
 * <li>RECOMMENDED: persons whose recommendations were computed in the period and who live in one of the programme's
 * regions (any region when it names none), or who were recommended one of its measures; reached when one of the
 * programme's measures is among their current recommendations computed in the period, or a case worker decided
 * on one in the period (accepted, declined or overrode: a decision keeps the recommendation after it is gone).</li>
 * <li>REFERRED: an enrolment in one of the programme's measures, created in the period, that got a place
 * (REFERRED or any status after it: ACCEPTED, REJECTED, ENROLLED, COMPLETED, DROPPED, EXPIRED).</li>
 * <li>ACCEPTED: such an enrolment ACCEPTED by the provider, or ENROLLED, COMPLETED or DROPPED after that.</li>
 * <li>ENROLLED: such an enrolment ENROLLED, COMPLETED or DROPPED.</li>
 * <li>INCLUDED: an outcome of the programme, for a programme period inside the report's period, in employment,
 * self-employment or education.</li>
 * </ul>
 * Persons are grouped by their profile as it is now; the age band is the age reached in the year the period ends.
 * Times are UTC days. The figures are the persons' current records: a recommendation recomputed after the period
 * (without a decision) leaves it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FairnessReportService {

    static final List<String> DENOMINATORS = List.of(
            "persons matched in the period in the programme's regions, or recommended one of its measures",
            "persons recommended one of the programme's measures",
            "persons referred to one of the programme's measures",
            "persons accepted by the provider",
            "persons enrolled");

    private final FairnessMetrics metrics;

    public FairnessReportService(FairnessMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The report, for an ADMIN or AUDITOR of any programme, and for other roles only of a programme their
     * organisation operates or funds.
     */
    public FairnessReport report(UUID programmeId, LocalDate from, LocalDate to, Optional<UUID> callerOrganisation,
                                 boolean anyProgramme) {
        Programme programme = Records.require(Programme.class, programmeId, "Programme");
        if (!anyProgramme && callerOrganisation.filter(org -> org.equals(programme.operator.id)
                || programme.funder != null && org.equals(programme.funder.id)).isEmpty()) {
            throw new NotPermitted("Only the programme's operator and funder (or an ADMIN or AUDITOR) see its fairness report");
        }
        InclusionReportService.checkPeriod(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        with pm as (select id from measure where programme_id = ?1),
                        rec as (
                            select rm.person_id from recommended_measure rm
                            join recommendation_set rs on rs.person_id = rm.person_id
                            where rm.measure_id in (select id from pm) and rs.computed_at >= ?2 and rs.computed_at < ?3
                            union
                            select d.person_id from recommendation_decision d
                            where d.measure_id in (select id from pm) and d.decided_at >= ?2 and d.decided_at < ?3),
                        enr as (
                            select e.person_id,
                                   bool_or(e.status in ('REFERRED', 'ACCEPTED', 'REJECTED', 'ENROLLED', 'COMPLETED', 'DROPPED', 'EXPIRED')) as referred,
                                   bool_or(e.status in ('ACCEPTED', 'ENROLLED', 'COMPLETED', 'DROPPED')) as accepted,
                                   bool_or(e.status in ('ENROLLED', 'COMPLETED', 'DROPPED')) as enrolled
                            from enrolment e
                            where e.measure_id in (select id from pm) and e.created_at >= ?2 and e.created_at < ?3
                            group by e.person_id),
                        inc as (
                            select distinct o.person_id from outcome o
                            where o.programme_id = ?1 and o.period_start >= ?4 and o.period_end <= ?5
                              and o.status <> 'NOT_INCLUDED'),
                        per_record as (
                            select p.id, p.human_key, p.record_key, p.gender, p.region, p.birth_year, p.target_groups,
                                   rec.person_id is not null as recommended, coalesce(enr.referred, false) as referred,
                                   coalesce(enr.accepted, false) as accepted, coalesce(enr.enrolled, false) as enrolled,
                                   inc.person_id is not null as included
                            from person p
                            left join rec on rec.person_id = p.id
                            left join enr on enr.person_id = p.id
                            left join inc on inc.person_id = p.id
                            where rec.person_id is not null
                               or p.id in (select rs.person_id from recommendation_set rs where rs.computed_at >= ?2 and rs.computed_at < ?3)
                                  and (select cardinality(g.regions) = 0 or p.region = any(g.regions) from programme g where g.id = ?1))
                        -- one row per human (issue 26): a stage is reached if any record of the person reached it; the
                        -- profile is that of the record that got furthest
                        select distinct on (human_key) record_key, gender, region, birth_year, cast(target_groups as varchar),
                               bool_or(recommended) over h, bool_or(referred) over h, bool_or(accepted) over h,
                               bool_or(enrolled) over h, bool_or(included) over h
                        from per_record
                        window h as (partition by human_key)
                        order by human_key, recommended::int + referred::int + accepted::int + enrolled::int + included::int desc, id""",
                        Object[].class)
                .setParameter(1, programmeId)
                .setParameter(2, from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .setParameter(3, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .setParameter(4, from).setParameter(5, to)
                .getResultList();
        FairnessReport.Stage[] stages = FairnessReport.Stage.values();
        List<List<Fairness.Unit>> bases = new ArrayList<>();
        for (int s = 0; s < stages.length; s++) {
            bases.add(new ArrayList<>());
        }
        for (Object[] row : rows) {
            Fairness.Member member = Fairness.Member.of(row);
            // a person is in a stage's base when they reached the stage before; each stage needs the one before
            boolean inBase = true;
            for (int s = 0; s < stages.length && inBase; s++) {
                boolean reached = (Boolean) row[5 + s];
                bases.get(s).add(new Fairness.Unit(member, reached));
                inBase = reached;
            }
        }
        List<FairnessReport.StageRates> rates = new ArrayList<>();
        for (int s = 0; s < stages.length; s++) {
            rates.add(new FairnessReport.StageRates(stages[s], DENOMINATORS.get(s), Fairness.rates(bases.get(s), to.getYear())));
        }
        FairnessReport report = new FairnessReport(programme.id, programme.code, from, to, MINIMUM_CELL,
                InclusionReport.DISCLOSURE_CONTROL, Fairness.FOUR_FIFTHS, rates);
        metrics.record(report);
        return report;
    }
}
