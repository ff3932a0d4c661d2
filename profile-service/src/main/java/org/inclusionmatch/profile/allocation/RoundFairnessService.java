package org.inclusionmatch.profile.allocation;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.disclosure.CellKeyMethod;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.report.Fairness;
import org.inclusionmatch.profile.report.InclusionReport;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A round's fairness, computed from its stored candidates when asked: the persons as they are now, age bands as
 * reached in the year the round was opened. Seen, like the round, only by the organisation that opened it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundFairnessService {

    public RoundFairness fairness(UUID callerOrganisation, UUID id) {
        AllocationRound round = Records.find(AllocationRound.class, id).filter(r -> r.operatorId.equals(callerOrganisation))
                .orElseThrow(() -> new NotFound("Allocation round", id));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select p.record_key, p.gender, p.region, p.birth_year, cast(p.target_groups as varchar),
                               c.measure_id is not null, c.fcfs_measure_id is not null
                        from allocation_candidate c join person p on p.id = c.person_id
                        where c.round_id = ?1""", Object[].class)
                .setParameter(1, round.id).getResultList();
        List<Fairness.Unit> proposal = new ArrayList<>();
        List<Fairness.Unit> firstCome = new ArrayList<>();
        for (Object[] row : rows) {
            Fairness.Member member = Fairness.Member.of(row);
            proposal.add(new Fairness.Unit(member, (Boolean) row[5]));
            firstCome.add(new Fairness.Unit(member, (Boolean) row[6]));
        }
        int year = round.createdAt.atZone(ZoneOffset.UTC).getYear();
        return new RoundFairness(round.id, round.programmeId, round.measureId, CellKeyMethod.MINIMUM_CELL,
                InclusionReport.DISCLOSURE_CONTROL, Fairness.FOUR_FIFTHS, Fairness.rates(proposal, year), Fairness.rates(firstCome, year));
    }
}
