package org.inclusionmatch.profile.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.common.validation.Checks;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.vocabulary.Region;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ProgrammeService {

    private static final String WHAT = "Programme";

    private final IdempotencyKeys idempotency;
    private final Event<ProgrammeEvent> events;
    private final Event<Programme.CapacityRaised> capacityRaised;

    public ProgrammeService(IdempotencyKeys idempotency, Event<ProgrammeEvent> events, Event<Programme.CapacityRaised> capacityRaised) {
        this.idempotency = idempotency;
        this.events = events;
        this.capacityRaised = capacityRaised;
    }

    public ProgrammeView create(ProgrammeRequest request, String idempotencyKey) {
        return idempotency.once("programme", idempotencyKey, request, this::get, () -> {
            Records.requireFreeCode(Programme.class, request.code(), null);
            Programme programme = new Programme();
            apply(request, programme);
            programme.persist();
            events.fire(new ProgrammeEvent.Created(programme));
            return ProgrammeView.of(programme);
        }, ProgrammeView::id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeView get(UUID id) {
        return ProgrammeView.of(Records.require(Programme.class, id, WHAT));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ProgrammeView> list(Region region, UUID operatorId, String code, PageParams page) {
        QueryFilter filter = new QueryFilter()
                .contains("regions", region == null ? null : region.name())
                .equal("operator.id", operatorId)
                .equal("code", code);
        return PageResult.of(Programme.find(filter.where(), Sort.by("code"), filter.parameters()), page, ProgrammeView::of);
    }

    public ProgrammeView update(UUID id, ProgrammeRequest request, String ifMatch) {
        Programme programme = Records.require(Programme.class, id, WHAT);
        ExpectedVersion.check(ifMatch, programme.version);
        Records.requireFreeCode(Programme.class, request.code(), id);
        long before = programme.version;
        int capacityBefore = programme.capacity;
        apply(request, programme);
        programme.flush();
        if (programme.version != before) { // an update that changes nothing announces nothing
            events.fire(new ProgrammeEvent.Updated(programme));
        }
        if (programme.capacity > capacityBefore) {
            capacityRaised.fire(new Programme.CapacityRaised(programme.id));
        }
        return ProgrammeView.of(programme);
    }

    public void delete(UUID id, String ifMatch) {
        Programme programme = Records.require(Programme.class, id, WHAT);
        ExpectedVersion.check(ifMatch, programme.version);
        programme.deleteAsNextVersion();
        events.fire(new ProgrammeEvent.Deleted(programme));
    }

    /**
     * The programme this request would create, checked as {@link #create} checks it (fields, period, the operator and
     * funder, the CEL rule, quotas) but never stored: for the what-if of a draft. Its id is fresh; its code may be taken.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Programme draft(ProgrammeRequest request) {
        Programme programme = new Programme();
        apply(request, programme);
        programme.id = UUID.randomUUID();
        return programme;
    }

    private static void apply(ProgrammeRequest request, Programme programme) {
        Checks.period(request.startDate(), request.endDate());
        programme.code = request.code();
        programme.name = request.name();
        programme.operator = Records.reference(Organisation.class, request.operatorId(), "operatorId");
        programme.funder = request.funderId() == null ? null : Records.reference(Organisation.class, request.funderId(), "funderId");
        programme.startDate = request.startDate();
        programme.endDate = request.endDate();
        programme.capacity = request.capacity();
        programme.regions = request.regions().stream().distinct().map(Region::name).toList();
        programme.eligibility = Checks.eligibility(request.eligibility());
        programme.quotas(request.quotas());
    }
}
