package org.inclusionmatch.profile.enrolment;

import org.inclusionmatch.profile.common.cache.CatalogueChange;
import org.inclusionmatch.profile.common.events.DomainEvent;
import org.inclusionmatch.profile.person.AffectsMatching;
import org.inclusionmatch.profile.person.Person;

/** What happens to an enrolment; each is published on the enrolments topic, and some also re-match the person. */
public sealed interface EnrolmentEvent extends DomainEvent, CatalogueChange {

    Enrolment enrolment();

    /** A new referral (placed or waitlisted): the measure is no longer one to recommend to the person. */
    record Referred(Enrolment enrolment, Person person) implements EnrolmentEvent, AffectsMatching {
    }

    /** The status moved. */
    sealed interface StatusChanged extends EnrolmentEvent {
    }

    /** Any other move: what may be recommended stays as it is. */
    record Moved(Enrolment enrolment) implements StatusChanged {
    }

    /** Cancelled: the measure may be recommended to the person again. */
    record Cancelled(Enrolment enrolment, Person person) implements StatusChanged, AffectsMatching {
    }

    /**
     * Ended in a way after which the measure may be recommended to the person again, as after a cancel: expired
     * unanswered, or declined for a reason that may pass (see {@link MatchingExclusion}).
     */
    record MayBeRecommendedAgain(Enrolment enrolment, Person person) implements StatusChanged, AffectsMatching {
    }
}
