package org.inclusionmatch.profile.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request body that names persons: a referral's or an outcome's person, both sides of a keep-apart, the persons of
 * a batch of results. The audit filter records them on the call's entry whatever the answer (a 404 for another
 * organisation's person, a 403, 409 or 422 included), so {@code GET /audit?personId=} and the person's export find a
 * refused write, whose response holds nothing of the person. A body that is not read (refused before, or not JSON
 * of the expected shape) names no one.
 */
public interface NamesPersons {

    /** The persons the body names, without nulls; not a getter, so it is never part of the JSON. */
    List<UUID> personsNamed();

    /** The given ids without the nulls (a field left out of an invalid body). */
    static List<UUID> persons(UUID... ids) {
        return Arrays.stream(ids).filter(Objects::nonNull).toList();
    }
}
