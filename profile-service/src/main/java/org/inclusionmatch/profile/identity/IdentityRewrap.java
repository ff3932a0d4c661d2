package org.inclusionmatch.profile.identity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Wraps stored links under the keys added to the key file since they were written (see {@link IdentityKeys}): at
 * start and then every {@code inclusion.identity.rewrap-interval}, in batches that lock their rows and skip rows
 * another instance holds, so replicas share the work and a write racing the job is never overwritten. An instance
 * still on the old keys during a rolling restart writes values the next run wraps.
 */
@ApplicationScoped
public class IdentityRewrap {

    private static final Logger LOG = Logger.getLogger(IdentityRewrap.class);
    private static final String PICK = "select id, identity_link, identity_layers from person where identity_layers < ? "
            + "limit ? for update skip locked";
    private static final String WRAP = "update person set identity_link = ?, identity_layers = ? where id = ? and identity_layers = ?";

    private final IdentityKeys keys;
    private final AgroalDataSource dataSource;
    private final int batch;

    public IdentityRewrap(IdentityKeys keys, AgroalDataSource dataSource, IdentityConfig config) {
        this.keys = keys;
        this.dataSource = dataSource;
        this.batch = config.rewrapBatch();
    }

    void onStart(@Observes StartupEvent start) {
        run();
    }

    @Scheduled(every = "${inclusion.identity.rewrap-interval:1m}", delayed = "${inclusion.identity.rewrap-interval:1m}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        if (!keys.enabled()) {
            return;
        }
        try {
            long wrapped = 0;
            int done;
            do {
                done = wrapBatch();
                wrapped += done;
            } while (done == batch);
            if (wrapped > 0) {
                LOG.infof("Wrapped %d identity links under the newest of %d keys", wrapped, keys.layers());
            }
        } catch (SQLException e) {
            LOG.warnf("Wrapping identity links failed, will retry: %s", e.getClass().getSimpleName());
        }
    }

    /** One transaction: the rows it picked, each wrapped under the keys it lacks. */
    int wrapBatch() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement pick = db.prepareStatement(PICK); PreparedStatement wrap = db.prepareStatement(WRAP)) {
                pick.setInt(1, keys.layers());
                pick.setInt(2, batch);
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
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }
}
