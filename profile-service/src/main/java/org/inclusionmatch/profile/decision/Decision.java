package org.inclusionmatch.profile.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a case worker did with a recommendation. */
@Schema(name = "DecisionType")
public enum Decision {
    /** Took the recommended measure: the person is referred. */
    ACCEPT,
    /** Turned it down, with a reason; it is not recommended again until the person or the measure changes. */
    DECLINE,
    /** Picked a measure that was not recommended, with a reason: the person is referred to it. */
    OVERRIDE
}
