package org.inclusionmatch.profile.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Appends audit entries in a transaction of their own, so that a request that fails or is refused is recorded
 * all the same. Requests refused before they reach a worker thread are recorded from the worker pool.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    public void append(AuditEntry entry) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(entry);
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> write(entry));
        }
    }

    private void write(AuditEntry entry) {
        try {
            QuarkusTransaction.requiringNew().run(entry::persist);
        } catch (RuntimeException e) {
            // Loud, because a missing audit entry is a compliance failure; ids only, as in the entry itself.
            LOG.errorf("Could not write the audit entry for %s %s %s: %s", entry.operation, entry.resourceType,
                    entry.resourceId, e.getClass().getSimpleName());
        }
    }
}
