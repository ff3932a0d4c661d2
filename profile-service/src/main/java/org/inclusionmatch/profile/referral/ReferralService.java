package org.inclusionmatch.profile.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.enrolment.Enrolment;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The referral as both its organisations see it: the provider's window on a person referred to it, and the referrer's
 * view of what it tells the provider. Anyone else gets the same 404 as for a referral that does not exist. Read in one
 * transaction, so a referral whose person is erased meanwhile is a 404 (or, in a list, left out), never a 500.
 */
@ApplicationScoped
@Transactional
public class ReferralService {

    public ReferralView get(UUID callerOrganisation, UUID id) {
        Enrolment referral = Records.find(Enrolment.class, id).orElseThrow(() -> notVisible(id));
        Measure measure = Measure.findById(referral.measureId);
        if (measure == null || referral.sidesOf(callerOrganisation, measure.provider.id).isEmpty()) {
            throw notVisible(id);
        }
        Person person = Person.findById(referral.personId);
        if (person == null) {
            throw notVisible(id);
        }
        return Referrals.referralView(referral, measure, person);
    }

    /**
     * The provider's inbox: the referrals in measures the caller's organisation provides, in
     * {@link Enrolment#INBOX_ORDER}: open ones by answer-by date, the overdue first.
     */
    public PageResult<ReferralView> received(UUID callerOrganisation, EnrolmentStatus status, PageParams page) {
        QueryFilter filter = new QueryFilter().equal("status", status)
                .always("measureId in (select m.id from Measure m where m.provider.id = :caller)", "caller", callerOrganisation);
        PageResult<ReferralView> found = PageResult.of(
                Enrolment.find(filter.where() + Enrolment.INBOX_ORDER, filter.parameters()), page, Referrals::viewOrNull);
        List<ReferralView> items = found.items().stream().filter(Objects::nonNull).toList();
        return new PageResult<>(items, found.page(), found.size(), found.total());
    }

    /** What each of the person's referrals tells its provider and shares with it, for the person's export. */
    public List<ReferralView> ofPerson(UUID personId) {
        Person person = Person.findById(personId);
        return Enrolment.<Enrolment>list("personId", Sort.ascending("createdAt", "id"), personId).stream()
                .map(referral -> Referrals.referralView(referral, Measure.findById(referral.measureId), person)).toList();
    }

    private static NotFound notVisible(UUID id) {
        return new NotFound("Referral", id);
    }
}
