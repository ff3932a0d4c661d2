package org.inclusionmatch.worker.matching;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.Measure;
import org.inclusionmatch.engine.Programme;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * No event says that a measure opens today or closed yesterday, yet recommendations depend on it. Shortly after
 * midnight (in the matching zone) the persons such measures can affect are re-matched.
 */
@ApplicationScoped
public class DayChangeRematch {

    private static final Logger LOG = Logger.getLogger(DayChangeRematch.class);

    private final CatalogueCache catalogue;
    private final Rematcher rematcher;
    private final MatchingConfig config;

    public DayChangeRematch(CatalogueCache catalogue, Rematcher rematcher, MatchingConfig config) {
        this.catalogue = catalogue;
        this.rematcher = rematcher;
        this.config = config;
    }

    @Scheduled(cron = "${inclusion.matching.day-change-cron}", timeZone = "${inclusion.matching.zone:" + MatchingConfig.DEFAULT_ZONE + "}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void afterMidnight() {
        catalogue.invalidate();
        List<UUID> changed = opensOrClosed(catalogue.current(), config.today());
        if (!changed.isEmpty()) {
            LOG.infof("%d measures open today or closed yesterday: re-matched %d persons", changed.size(),
                    rematcher.rematch(changed, List.of()));
        }
    }

    static List<UUID> opensOrClosed(Catalogue catalogue, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return catalogue.measures().stream().filter(m -> boundary(m.startDate(), m.endDate(), today, yesterday)
                || programmeBoundary(catalogue, m, today, yesterday)).map(Measure::id).toList();
    }

    private static boolean programmeBoundary(Catalogue catalogue, Measure measure, LocalDate today, LocalDate yesterday) {
        return measure.programmeId() != null && catalogue.programme(measure.programmeId())
                .map(p -> boundary(p.startDate(), p.endDate(), today, yesterday)).orElse(false);
    }

    private static boolean boundary(LocalDate start, LocalDate end, LocalDate today, LocalDate yesterday) {
        return Objects.equals(start, today) || Objects.equals(end, yesterday);
    }
}
