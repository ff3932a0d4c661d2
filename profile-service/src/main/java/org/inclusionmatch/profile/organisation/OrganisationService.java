package org.inclusionmatch.profile.organisation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.Region;

import java.util.UUID;

@ApplicationScoped
@Transactional
public class OrganisationService {

    private static final String WHAT = "Organisation";

    private final IdempotencyKeys idempotency;

    public OrganisationService(IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
    }

    public OrganisationView create(OrganisationRequest request, String idempotencyKey) {
        return idempotency.once("organisation", idempotencyKey, request, this::get, () -> {
            Records.requireFreeCode(Organisation.class, request.code(), null);
            Organisation organisation = new Organisation();
            apply(request, organisation);
            organisation.persist();
            return OrganisationView.of(organisation);
        }, OrganisationView::id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganisationView get(UUID id) {
        return OrganisationView.of(Records.require(Organisation.class, id, WHAT));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<OrganisationView> list(OrganisationKind kind, Region region, String code, PageParams page) {
        QueryFilter filter = new QueryFilter()
                .equal("kind", kind)
                .equal("region", region)
                .equal("code", code);
        return PageResult.of(Organisation.find(filter.where(), Sort.by("code"), filter.parameters()), page, OrganisationView::of);
    }

    public OrganisationView update(UUID id, OrganisationRequest request, String ifMatch) {
        Organisation organisation = Records.require(Organisation.class, id, WHAT);
        ExpectedVersion.check(ifMatch, organisation.version);
        Records.requireFreeCode(Organisation.class, request.code(), id);
        apply(request, organisation);
        organisation.flush();
        return OrganisationView.of(organisation);
    }

    public void delete(UUID id, String ifMatch) {
        Organisation organisation = Records.require(Organisation.class, id, WHAT);
        ExpectedVersion.check(ifMatch, organisation.version);
        organisation.delete();
        organisation.flush();
    }

    private static void apply(OrganisationRequest request, Organisation organisation) {
        organisation.code = request.code();
        organisation.name = request.name();
        organisation.kind = request.kind();
        organisation.region = request.region();
    }
}
