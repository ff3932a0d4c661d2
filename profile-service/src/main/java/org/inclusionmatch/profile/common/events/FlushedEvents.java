package org.inclusionmatch.profile.common.events;

/**
 * Domain events fired right after the caller flushed every aggregate they name, so the observer that records them
 * need not flush again before reading versions. A bulk writer (the person import) fires hundreds of events per
 * transaction: one flush per event would send each outbox row alone, where one flush after the batch sends them
 * all in JDBC batches. Events are synchronous CDI events, observed on the firing thread, hence a thread-local.
 */
public final class FlushedEvents {

    private static final ThreadLocal<Boolean> FLUSHED = ThreadLocal.withInitial(() -> false);

    private FlushedEvents() {
    }

    /** Runs {@code firing}, whose events name only aggregates whose changes the caller has just flushed. */
    public static void fireAfterFlush(Runnable firing) {
        boolean outer = FLUSHED.get();
        FLUSHED.set(true);
        try {
            firing.run();
        } finally {
            FLUSHED.set(outer);
        }
    }

    /** Whether the events fired now name aggregates already flushed by their caller. */
    public static boolean callerFlushed() {
        return FLUSHED.get();
    }
}
