package org.inclusionmatch.profile.audit;

import java.util.List;

/** A response body listing several persons' data, each item audited as {@link ConcernsPerson}. */
public interface ConcernsPersons {

    List<?> items();
}
