package org.inclusionmatch.profile.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Wraps stored links under the keys added to the key file since they were written (see {@link IdentityKeys}): soon
 * after start, off the start-up path, and then every {@code inclusion.identity.rewrap-interval}, in batches in id order
 * that lock their rows and skip rows another instance holds, so replicas share the work and a write racing the job is
 * never overwritten. An instance still on the old keys during a rolling restart writes values the next run wraps.
 */
@ApplicationScoped
public class IdentityRewrap {

    private static final Logger LOG = Logger.getLogger(IdentityRewrap.class);
    /** The next rows to wrap after the last id seen: on the primary key, so a batch never reads the rows before it. */
    private static final String PICK = "select id, identity_link, identity_layers from person where id > ? and identity_layers < ? "
            + "order by id limit ? for update skip locked";
    private static final String WRAP = "update person set identity_link = ?, identity_layers = ? where id = ? and identity_layers = ?";

    private final IdentityKeys keys;
    private final AgroalDataSource dataSource;
    private final int batch;

    public IdentityRewrap(IdentityKeys keys, AgroalDataSource dataSource, IdentityConfig config) {
        this.keys = keys;
        this.dataSource = dataSource;
        this.batch = config.rewrapBatch();
    }

    @Scheduled(every = "${inclusion.identity.rewrap-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!keys.enabled()) {
            return;
        }
        try {
            long started = System.nanoTime();
            long wrapped = 0;
            UUID after = new UUID(0, 0);
            while (true) {
                Batch done = wrapBatch(after);
                wrapped += done.wrapped();
                if (done.last() == null) {
                    break;
                }
                after = done.last();
            }
            if (wrapped > 0) {
                LOG.infof("Wrapped %d identity links under the newest of %d keys in %d ms", wrapped, keys.layers(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException e) {
            LOG.warnf("Wrapping identity links failed, will retry: %s", e.getClass().getSimpleName());
        }
    }

    /** What one batch did: the rows it wrapped, and the last id it read (null when there were none left). */
    record Batch(int wrapped, UUID last) {
    }

    /** One transaction: the rows after {@code after} it picked, each wrapped under the keys it lacks. */
    Batch wrapBatch(UUID after) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement pick = db.prepareStatement(PICK); PreparedStatement wrap = db.prepareStatement(WRAP)) {
                pick.setObject(1, after);
                pick.setInt(2, keys.layers());
                pick.setInt(3, batch);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet row = pick.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[] {row.getObject(1, UUID.class), row.getBytes(2), row.getInt(3)});
                    }
                }
                for (Object[] row : rows) {
                    int layers = (int) row[2];
                    wrap.setBytes(1, keys.wrap((byte[]) row[1], layers));
                    wrap.setInt(2, keys.layers());
                    wrap.setObject(3, row[0]);
                    wrap.setInt(4, layers);
                    wrap.addBatch();
                }
                wrap.executeBatch();
                db.commit();
                return new Batch(rows.size(), rows.isEmpty() ? null : (UUID) rows.get(rows.size() - 1)[0]);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }
}
