package org.inclusionmatch.profile.decision;

/** What a case worker did with a recommendation. */
public enum Decision {
    /** Took the recommended measure: the person is referred. */
    ACCEPT,
    /** Turned it down, with a reason; it is not recommended again until the person or the measure changes. */
    DECLINE,
    /** Picked a measure that was not recommended, with a reason: the person is referred to it. */
    OVERRIDE
}
