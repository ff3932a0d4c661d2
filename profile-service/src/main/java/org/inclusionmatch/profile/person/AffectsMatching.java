package org.inclusionmatch.profile.person;

import org.inclusionmatch.profile.common.events.DomainEvent;

/**
 * A change outside the profile that alters what may be recommended to the person (a referral takes a measure off
 * their list, a cancellation or a decline changes it). An event type that implements this says so by its type; the
 * outbox observer publishes it, in one place, as a re-match of {@link #person()} at their current version.
 */
public interface AffectsMatching extends DomainEvent {

    Person person();
}
