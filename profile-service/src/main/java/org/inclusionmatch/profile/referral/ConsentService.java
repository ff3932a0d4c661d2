package org.inclusionmatch.profile.referral;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.calendar.MatchingCalendar;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.domain.Conflict;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.enrolment.Enrolment;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.person.Person;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Consents to share, kept by the person's organisation: recorded for one recipient (the provider of the referral's
 * measure) and one purpose (that referral), withdrawn when the person says so, lapsed when the referral closes. What
 * they release is read by {@link ReferralService} at each read, so a withdrawal holds from the next read on.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final MatchingCalendar calendar;

    public ConsentService(MatchingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Records a consent. Every field is checked before anything is stored: a givenOn in the future, a referral that is
     * not this person's, an unknown recipient or one that does not provide the referral's measure are 400s naming the
     * field; a referral already closed is a 409 (the consent would lapse at once). The person is locked for share
     * first, as referrals do, so an erasure either finished before (404) or waits.
     */
    public ConsentView record(UUID callerOrganisation, String subject, UUID personId, ConsentRequest request) {
        Person.requireIn(callerOrganisation, personId, LockModeType.PESSIMISTIC_READ);
        if (request.givenOn().isAfter(calendar.today())) {
            throw InvalidInput.field("givenOn", "must not be in the future");
        }
        Enrolment referral = Records.find(Enrolment.class, request.enrolmentId())
                .filter(e -> e.personId.equals(personId))
                .orElseThrow(() -> InvalidInput.field("enrolmentId", "is not a referral of this person"));
        Organisation recipient = Records.reference(Organisation.class, request.recipientOrganisationId(), "recipientOrganisationId");
        Measure measure = Measure.findById(referral.measureId);
        if (!measure.provider.id.equals(recipient.id)) {
            throw InvalidInput.field("recipientOrganisationId", "must be the provider of the referral's measure");
        }
        if (!referral.status.isOpen()) {
            throw new Conflict(Conflict.Cause.CONSENT_NOT_ACTIVE, "Referral " + referral.id + " is closed (" + referral.status
                    + "): a consent for it would lapse at once");
        }
        Consent consent = new Consent();
        consent.personId = personId;
        consent.organisationId = callerOrganisation;
        consent.recipientOrganisationId = recipient.id;
        consent.enrolmentId = referral.id;
        EnumSet<ShareCategory> categories = EnumSet.noneOf(ShareCategory.class);
        categories.addAll(request.categories());
        consent.categories = categories.stream().map(Enum::name).toList();
        consent.givenOn = request.givenOn();
        consent.recordedBy = subject;
        consent.persist();
        return Referrals.consentView(consent, referral, measure);
    }

    /**
     * Withdraws an active consent: from the next read on, the provider's referral view has none of its categories.
     * The row is kept (withdrawn, with when and by whom), since the export lists every consent. A consent already
     * withdrawn or lapsed is a 409; an {@code If-Match} naming another version a 412.
     */
    public ConsentView withdraw(UUID callerOrganisation, String subject, UUID personId, UUID id, String ifMatch) {
        Person.requireIn(callerOrganisation, personId, LockModeType.PESSIMISTIC_READ);
        // Locked before it is read, so a withdrawal racing another waits for it and then sees it withdrawn (409).
        if (Consent.getEntityManager().createNativeQuery("select id from consent where id = ?1 and person_id = ?2 for update")
                .setParameter(1, id).setParameter(2, personId).getResultList().isEmpty()) {
            throw new NotFound("Consent", id);
        }
        Consent consent = Consent.findById(id);
        ExpectedVersion.check(ifMatch, consent.version);
        Enrolment referral = Enrolment.findById(consent.enrolmentId);
        Measure measure = Measure.findById(referral.measureId);
        ConsentStatus status = consent.status(referral.status, measure.provider.id);
        if (status != ConsentStatus.ACTIVE) {
            throw new Conflict(Conflict.Cause.CONSENT_NOT_ACTIVE, "Consent " + id + " is " + status
                    + (status == ConsentStatus.LAPSED ? " (its referral is closed): nothing is shared under it" : " already"));
        }
        consent.withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        consent.withdrawnBy = subject;
        Consent.getEntityManager().flush(); // the new version, for the ETag
        return Referrals.consentView(consent, referral, measure);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView get(UUID callerOrganisation, UUID personId, UUID id) {
        Person.requireIn(callerOrganisation, personId);
        return Referrals.consentView(require(personId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<ConsentView> list(UUID callerOrganisation, UUID personId, PageParams page) {
        Person.requireIn(callerOrganisation, personId);
        return PageResult.of(Consent.<Consent>find("personId", Sort.descending("createdAt", "id"), personId), page,
                Referrals::consentView);
    }

    /** Every consent of the person, oldest first, for their export. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentView> ofPerson(UUID personId) {
        return Consent.<Consent>list("personId", Sort.ascending("createdAt", "id"), personId).stream()
                .map(Referrals::consentView).toList();
    }

    private static Consent require(UUID personId, UUID id) {
        return Records.find(Consent.class, id).filter(c -> c.personId.equals(personId))
                .orElseThrow(() -> new NotFound("Consent", id));
    }
}
