package org.inclusionmatch.profile.enrolment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code inclusion_referrals_overdue{provider_id}}: REFERRED enrolments past their answer-by date, per provider
 * organisation (its id; no names), counted by one grouped query every {@code inclusion.referrals.metric-interval}.
 * Overdue referrals exist between the answer-by date and the expiry (the job's next run, plus any
 * {@code expiry-grace}), so a count that stays up says a provider is slow or the expiry job is not running.
 * <p>
 * Cardinality is bounded by the number of provider organisations (tens to hundreds): a provider once counted stays
 * in the series at 0, so a drop is seen as 0 rather than a vanished series, until the instance restarts. Every
 * replica counts the same table: aggregate with {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class OverdueReferrals {

    public static final String JOB = "referral-overdue-metric";
    private static final Logger LOG = Logger.getLogger(OverdueReferrals.class);
    private static final String COUNT = """
            select m.provider_id, count(*) from enrolment e join measure m on m.id = e.measure_id
            where e.status = 'REFERRED' and e.answer_by < now() group by m.provider_id""";

    private final DataSource dataSource;
    private final MeterRegistry metrics;
    /** Per provider id, the figure its gauge reads (held here, so the gauge's weak reference stays good). */
    private final Map<String, AtomicLong> byProvider = new ConcurrentHashMap<>();

    public OverdueReferrals(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    @Scheduled(identity = JOB, every = "${inclusion.referrals.metric-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void count() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(COUNT)) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        } catch (SQLException e) {
            // The database readiness check reports this; keep the last figures.
            LOG.debugf("Overdue referrals not counted: %s", e.getClass().getSimpleName());
            return;
        }
        counts.keySet().forEach(provider -> byProvider.computeIfAbsent(provider, id -> {
            AtomicLong figure = new AtomicLong();
            Gauge.builder("inclusion_referrals_overdue", figure, AtomicLong::get)
                    .description("Referrals waiting for the provider's answer past their answer-by date, per provider organisation")
                    .tag("provider_id", id).register(metrics);
            return figure;
        }));
        byProvider.forEach((provider, figure) -> figure.set(counts.getOrDefault(provider, 0L)));
    }
}
