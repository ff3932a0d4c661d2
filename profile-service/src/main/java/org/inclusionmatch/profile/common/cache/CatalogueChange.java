package org.inclusionmatch.profile.common.cache;

/**
 * A domain event that changes what catalogue reads show (a measure, a programme, or an enrolment that holds a place
 * or waits for one). Once its transaction commits, this instance drops its cached catalogue reads at once, without
 * waiting for the database's notification ({@link CatalogueChanges}), so a client reads its own write.
 */
public interface CatalogueChange {
}
