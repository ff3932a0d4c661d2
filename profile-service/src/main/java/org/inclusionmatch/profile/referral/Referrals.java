package org.inclusionmatch.profile.referral;

import io.quarkus.panache.common.Sort;
import org.inclusionmatch.profile.enrolment.Enrolment;
import org.inclusionmatch.profile.enrolment.EnrolmentRequests;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.person.Person;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.inclusionmatch.profile.referral.ShareCategory.*;

/** Builds the referral and consent views; the one place that decides what a consent releases. */
final class Referrals {

    private Referrals() {
    }

    /** The consents that release data for this referral now: not withdrawn, for its measure's current provider, while it is open. */
    static List<Consent> activeConsents(Enrolment referral, Measure measure) {
        if (!referral.status.isOpen()) {
            return List.of();
        }
        return Consent.list("enrolmentId = ?1 and recipientOrganisationId = ?2 and withdrawnAt is null",
                Sort.ascending("createdAt", "id"), referral.id, measure.provider.id);
    }

    /** The view of a listed referral, or null when its person was erased between the list query and this read. */
    static ReferralView viewOrNull(Enrolment referral) {
        Person person = Person.findById(referral.personId);
        Measure measure = Measure.findById(referral.measureId);
        return person == null || measure == null ? null : referralView(referral, measure, person);
    }

    static ReferralView referralView(Enrolment referral, Measure measure, Person person) {
        Organisation referrer = person.organisation;
        EnrolmentRequests.Contact contact = referral.contactName == null ? null
                : new EnrolmentRequests.Contact(referral.contactName, referral.contactEmail, referral.contactPhone);
        return new ReferralView(referral.id, person.id, referral.status, referral.reason, referral.note,
                referral.shownAnswerBy(), referral.overdue(), ref(referrer), ref(measure.provider),
                ref(measure), contact, referral.message, copy(referral.needs), copy(referral.goals), copy(person.languages),
                shared(person, activeConsents(referral, measure)), referral.version, referral.createdAt, referral.updatedAt);
    }

    /** Exactly the fields the named categories release, nothing else of the profile. */
    static ReferralView.SharedProfile shared(Person person, List<Consent> consents) {
        if (consents.isEmpty()) {
            return ReferralView.SharedProfile.none();
        }
        Set<ShareCategory> named = EnumSet.noneOf(ShareCategory.class);
        consents.forEach(consent -> named.addAll(consent.categorySet()));
        boolean groups = named.contains(TARGET_GROUPS) || named.stream().anyMatch(ShareCategory::special);
        return new ReferralView.SharedProfile(List.copyOf(named), consents.stream().map(c -> c.id).toList(),
                named.contains(AGE) ? person.birthYear : null,
                named.contains(GENDER) ? person.gender : null,
                named.contains(REGION) ? person.region : null,
                named.contains(REGION) ? person.municipality : null,
                named.contains(ARCHETYPE) ? person.role : null,
                named.contains(ARCHETYPE) ? person.archetype : null,
                groups ? ShareCategory.targetGroups(copy(person.targetGroups), named) : null,
                named.contains(NEEDS_AND_GOALS) ? ShareCategory.needs(copy(person.needs), named) : null,
                named.contains(NEEDS_AND_GOALS) ? ShareCategory.goals(copy(person.goals)) : null);
    }

    static ConsentView consentView(Consent consent) {
        Enrolment referral = Enrolment.findById(consent.enrolmentId);
        return consentView(consent, referral, Measure.findById(referral.measureId));
    }

    static ConsentView consentView(Consent consent, Enrolment referral, Measure measure) {
        ConsentStatus status = consent.status(referral.status, measure.provider.id);
        Organisation recipient = Organisation.findById(consent.recipientOrganisationId);
        return new ConsentView(consent.id, consent.personId, ref(recipient),
                new ConsentView.Purpose(referral.id, ref(measure)), consent.categorySet().stream().toList(), consent.givenOn,
                consent.recordedBy, status,
                switch (status) {
                    case ACTIVE -> null;
                    case WITHDRAWN -> consent.withdrawnAt;
                    case LAPSED -> referral.status.isOpen() ? null : referral.updatedAt;
                },
                consent.withdrawnBy, consent.version, consent.createdAt, consent.updatedAt);
    }

    static ReferralView.OrganisationRef ref(Organisation organisation) {
        return new ReferralView.OrganisationRef(organisation.id, organisation.code, organisation.name);
    }

    static ReferralView.MeasureRef ref(Measure measure) {
        return new ReferralView.MeasureRef(measure.id, measure.code, measure.title);
    }

    private static List<String> copy(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(codes);
    }
}
