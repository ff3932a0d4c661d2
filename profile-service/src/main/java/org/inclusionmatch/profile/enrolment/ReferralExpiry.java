package org.inclusionmatch.profile.enrolment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The system's expiry of unanswered referrals: every {@code inclusion.referrals.expiry-interval} it finds REFERRED
 * enrolments whose answer-by date (plus {@code expiry-grace}) has passed and expires each in a transaction of its own
 * ({@link EnrolmentService#expire}), earliest date first, so the places go to the waitlists in order.
 * <p>
 * Several replicas run it: one run at a time across all of them (a PostgreSQL advisory lock held on a connection of
 * its own for the run, as the outbox relay does), and never two runs at once in one (SKIP). Even without the lock a
 * referral could not expire twice or beside an answer: each expiry re-reads the enrolment under the measure's lock.
 * A referral that fails to expire (say, its measure was deleted) is logged and tried again next run; it never
 * stops the others.
 */
@ApplicationScoped
public class ReferralExpiry {

    /** The job's identity, for {@code Scheduler.pause/resume}. */
    public static final String JOB = "referral-expiry";
    private static final Logger LOG = Logger.getLogger(ReferralExpiry.class);
    /** Any constant works: it names the one advisory lock the expiry jobs of all instances share. */
    private static final long EXPIRY_LOCK = 0x21_e4b1_2e5L;

    private final EnrolmentService enrolments;
    private final DataSource dataSource;
    private final ReferralConfig config;
    private final Counter expired;

    public ReferralExpiry(EnrolmentService enrolments, DataSource dataSource, ReferralConfig config, MeterRegistry metrics) {
        this.enrolments = enrolments;
        this.dataSource = dataSource;
        this.config = config;
        this.expired = Counter.builder("inclusion_referrals_expired")
                .description("Referrals this instance moved to EXPIRED because the provider did not answer in time")
                .register(metrics);
    }

    @Scheduled(identity = JOB, every = "${inclusion.referrals.expiry-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            expireDue();
        } catch (RuntimeException e) {
            LOG.warnf("Referral expiry run failed, will retry: %s", e.getClass().getSimpleName());
        }
    }

    /** Expires every referral due now; returns how many (0 when another instance's run is busy or the database is away). */
    public int expireDue() {
        try (Connection lockConnection = dataSource.getConnection()) {
            if (!advisoryLock(lockConnection, "select pg_try_advisory_lock(?)")) {
                return 0;
            }
            try {
                return expireAll(Instant.now().minus(config.expiryGrace()));
            } finally {
                advisoryLock(lockConnection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            // The database readiness check reports this; the next run tries again.
            LOG.debugf("Referral expiry did not run: %s", e.getClass().getSimpleName());
            return 0;
        }
    }

    private int expireAll(Instant dueBy) {
        int total = 0;
        List<UUID> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> Enrolment.getEntityManager().createQuery(
                            "select e.id from Enrolment e where e.status = :referred and e.answerBy <= :dueBy"
                                    + " order by e.answerBy, e.id", UUID.class)
                    .setParameter("referred", EnrolmentStatus.REFERRED)
                    .setParameter("dueBy", dueBy)
                    .setMaxResults(config.expiryBatchSize())
                    .getResultList());
            int inBatch = 0;
            for (UUID id : due) {
                try {
                    if (enrolments.expire(id, dueBy)) {
                        inBatch++;
                    }
                } catch (RuntimeException e) {
                    // Ids and the type only: the message may quote data.
                    LOG.warnf("Referral %s not expired, will retry: %s", id, e.getClass().getSimpleName());
                }
            }
            expired.increment(inBatch);
            total += inBatch;
            if (inBatch == 0) {
                break; // a batch of only failures or skips: the next run tries again
            }
        } while (due.size() == config.expiryBatchSize());
        return total;
    }

    private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, EXPIRY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
