package org.inclusionmatch.worker.matching;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.engine.RuleCutOff;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports eligibility rules cut off by a run-time limit: every cut-off on the counter
 * {@code inclusion_rule_cutoffs_total} (tagged by the rule's owner, its id and the limit), and one WARN line per
 * rule text and owner for the life of the worker, by id only: never the person, never a stack trace.
 */
@ApplicationScoped
public class RuleCutOffReport implements RuleCutOff.Listener {

    private static final Logger LOG = Logger.getLogger(RuleCutOffReport.class);

    private final MeterRegistry metrics;
    private final MatchingConfig config;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public RuleCutOffReport(MeterRegistry metrics, MatchingConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public void ruleCutOff(RuleCutOff cutOff) {
        String owner = cutOff.owner().name().toLowerCase(Locale.ROOT);
        metrics.counter("inclusion_rule_cutoffs", "owner", owner, "id", String.valueOf(cutOff.ownerId()),
                "limit", cutOff.limit().name()).increment();
        if (logged.add(cutOff.owner() + ":" + cutOff.ownerId() + ":" + cutOff.expression().hashCode())) {
            LOG.warnf("Eligibility rule of %s %s (%s) cut off by its %s limit: it admits nobody it is cut off for, and"
                            + " after %d cut-offs nobody at all until the catalogue is read again",
                    owner, cutOff.ownerId(), cutOff.ownerCode(), cutOff.limit(), config.ruleQuarantineAfter());
        }
    }
}
