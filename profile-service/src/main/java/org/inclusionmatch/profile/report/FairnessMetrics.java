package org.inclusionmatch.profile.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus gauges of the fairness monitor, without personal data: per programme (its code), stage and dimension,
 * the lowest ratio of a group's rate to the best-served group's ({@code inclusion_fairness_ratio}, NaN when no
 * group is shown) and how many groups are under four fifths ({@code inclusion_fairness_groups_below_four_fifths}).
 * No group is a label: a target group's value next to a count would publish a special-category figure, so the
 * labels stop at the dimension, and the figures are those of the published (perturbed, suppressed) report.
 * Set whenever a fairness report is computed, from that report: the last period asked for per programme. Computing
 * them on a timer would run the report's query over every programme for no reader; the funder's monthly report
 * (or a scheduled GET by the monitoring) sets them.
 */
@ApplicationScoped
public class FairnessMetrics {

    private final MeterRegistry registry;
    private final Map<Tags, AtomicReference<Double>> ratios = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicReference<Double>> flagged = new ConcurrentHashMap<>();

    public FairnessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(FairnessReport report) {
        for (FairnessReport.StageRates stage : report.stages()) {
            for (Fairness.DimensionRates dimension : stage.rates().dimensions()) {
                Tags tags = Tags.of("programme", report.programmeCode(), "stage", stage.stage().name(),
                        "dimension", dimension.dimension().name());
                gauge(ratios, "inclusion_fairness_ratio", "Lowest ratio of a group's rate to the best-served group's",
                        tags).set(dimension.minimumRatio() == null ? Double.NaN : dimension.minimumRatio());
                gauge(flagged, "inclusion_fairness_groups_below_four_fifths",
                        "Groups whose rate is under 0.8 of the best-served group's", tags).set((double) dimension.belowFourFifths());
            }
        }
    }

    private AtomicReference<Double> gauge(Map<Tags, AtomicReference<Double>> values, String name, String help, Tags tags) {
        return values.computeIfAbsent(tags, t -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, value, AtomicReference::get).description(help).tags(t).register(registry);
            return value;
        });
    }
}
