package org.inclusionmatch.profile.audit;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail: the auditor's filtered list, and a person's whole access log for their export. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditTrail {

    /** Filters combine with AND; {@code personId} finds every entry that concerns the person. Newest first. */
    public PageResult<AuditResource.AuditView> list(UUID personId, String subject, Instant from, Instant to, PageParams page) {
        QueryFilter filter = new QueryFilter().equal("subject", subject)
                .when(personId, AuditEntry.CONCERNS_PERSON, "person")
                .when(from, "at >= :from", "from")
                .when(to, "at < :to", "to");
        return PageResult.of(AuditEntry.find(filter.where(), Sort.descending("id"), filter.parameters()), page,
                AuditResource.AuditView::of);
    }

    /** Every entry that concerns the person, oldest first. */
    public List<AuditResource.AuditView> ofPerson(UUID personId) {
        return AuditEntry.<AuditEntry>find(AuditEntry.CONCERNS_PERSON, Sort.ascending("id"), Parameters.with("person", personId))
                .stream().map(AuditResource.AuditView::of).toList();
    }
}
