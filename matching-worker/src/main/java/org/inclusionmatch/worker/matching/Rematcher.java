package org.inclusionmatch.worker.matching;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Re-matches the persons a change of some measures or programmes can affect, page by page (so the API is never
 * asked for everyone at once), each person once however many of the changes touch them. A page is read with one
 * request, computed on all processors, and stored with one batch request (more only when its results would not
 * fit one body; {@link BatchMatcher}, as a batch of person events is) while the next pages are read. It returns only when every page is stored, so the caller commits
 * the catalogue event after that (at least once); a failed request is retried by {@link ProfileServiceClient} as
 * any other, and a request the API refuses fails the whole re-match (the caller parks the events).
 */
@ApplicationScoped
public class Rematcher {

    private static final Logger LOG = Logger.getLogger(Rematcher.class);

    private final ProfileServiceClient api;
    private final BatchMatcher batches;
    private final MatchingConfig config;
    /** Computes and stores the pages in flight (bounded by a semaphore per re-match, not by the pool). */
    private final ExecutorService pipeline = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "rematch-page");
        thread.setDaemon(true);
        return thread;
    });

    public Rematcher(ProfileServiceClient api, BatchMatcher batches, MatchingConfig config) {
        this.api = api;
        this.batches = batches;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        pipeline.shutdownNow();
    }

    /** Returns how many persons were re-matched. */
    public int rematch(Collection<UUID> measures, Collection<UUID> programmes) {
        Set<UUID> matched = new HashSet<>();
        measures.forEach(id -> rematch(id, null, matched));
        programmes.forEach(id -> rematch(null, id, matched));
        return matched.size();
    }

    /**
     * Pages read one after another (keyset paging), each then computed and stored on the pipeline while the next is
     * read, with at most {@link MatchingConfig#rematchPagesInFlight()} pages in flight. Returns after the last store
     * has answered; a failed page fails the re-match (the pages still running are cancelled).
     */
    private void rematch(UUID measureId, UUID programmeId, Set<UUID> matched) {
        UUID after = null;
        long reading = 0;
        long waiting = 0;
        int persons = 0;
        int pages = 0;
        Semaphore slots = new Semaphore(config.rematchPagesInFlight());
        List<Future<?>> inFlight = new ArrayList<>();
        try {
            do {
                long t0 = System.nanoTime();
                ApiModels.MatchingPage page = api.affectedPersons(measureId, programmeId, after, config.rematchPageSize());
                List<ApiModels.MatchingView> fresh = page.items().stream().filter(v -> matched.add(v.person().id())).toList();
                long t1 = System.nanoTime();
                reading += t1 - t0;
                if (!fresh.isEmpty()) {
                    acquire(slots);
                    waiting += System.nanoTime() - t1;
                    for (Future<?> running : inFlight) {
                        if (running.isDone()) {
                            await(running); // a failed page fails the re-match now, not after the last read
                        }
                    }
                    inFlight.removeIf(Future::isDone);
                    inFlight.add(pipeline.submit(() -> {
                        try {
                            batches.store(batches.compute(fresh));
                        } finally {
                            slots.release();
                        }
                    }));
                }
                persons += fresh.size();
                pages++;
                after = page.next();
            } while (after != null);
            long t2 = System.nanoTime();
            for (Future<?> page : inFlight) {
                await(page);
            }
            waiting += System.nanoTime() - t2;
            inFlight.clear();
        } finally {
            inFlight.forEach(page -> page.cancel(true)); // only when failing: done otherwise
        }
        // Ids and timings only, never a profile.
        LOG.infof("Re-matched %d persons of %s %s in %d pages: reading %d ms, waiting for pages in flight %d ms",
                persons, measureId != null ? "measure" : "programme", measureId != null ? measureId : programmeId,
                pages, reading / 1_000_000, waiting / 1_000_000);
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-matching", e);
        }
    }

    private static void await(Future<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-matching", e);
        } catch (ExecutionException e) {
            throw BatchMatcher.causeOf(e);
        }
    }
}
