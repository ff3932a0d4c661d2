package org.inclusionmatch.profile.audit;

import java.util.UUID;

/**
 * A response body that holds one person's data. The audit filter records the person of every such body it
 * sends (alone, in a list or in a page), so that {@code GET /audit?personId=} finds every access to them.
 */
public interface ConcernsPerson {

    /** The person whose data this is; not a getter, so it is never serialised. */
    UUID concernedPerson();
}
