package org.inclusionmatch.worker.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.engine.Catalogue;
import org.jboss.logging.Logger;

import java.time.LocalDate;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-matches the persons a change of some measures or programmes can affect, page by page (so the API is never
 * asked for everyone at once), each person once however many of the changes touch them. A page is read with one
 * request, computed on all processors, and stored with one batch request (more only when its results would not
 * fit one body) while the next page is read. It returns only when every page is stored, so the caller commits
 * the catalogue event after that (at least once); a failed request is retried by {@link ProfileServiceClient} as
 * any other, and a request the API refuses fails the whole re-match (the caller parks the events).
 */
@ApplicationScoped
public class Rematcher {

    private static final Logger LOG = Logger.getLogger(Rematcher.class);

    /** The API's limit of results per batch store. */
    static final int MAX_STORE_ITEMS = 500;

    private final ProfileServiceClient api;
    private final PersonMatcher matcher;
    private final CatalogueCache catalogue;
    private final MatchingConfig config;
    private final ObjectMapper json;
    private final ExecutorService computing;
    private final ExecutorService stores = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rematch-store");
        thread.setDaemon(true);
        return thread;
    });

    public Rematcher(ProfileServiceClient api, PersonMatcher matcher, CatalogueCache catalogue, MatchingConfig config,
                     ObjectMapper json) {
        this.api = api;
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.config = config;
        this.json = json;
        int threads = config.rematchThreads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.computing = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "rematch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        computing.shutdownNow();
        stores.shutdownNow();
    }

    /** Returns how many persons were re-matched. */
    public int rematch(Collection<UUID> measures, Collection<UUID> programmes) {
        Set<UUID> matched = new HashSet<>();
        measures.forEach(id -> rematch(id, null, matched));
        programmes.forEach(id -> rematch(null, id, matched));
        return matched.size();
    }

    /**
     * Page after page: while one page's results are being stored, the next page is read and computed (at most one
     * store in flight). Returns after the last store has answered; a failed store fails the re-match.
     */
    private void rematch(UUID measureId, UUID programmeId, Set<UUID> matched) {
        UUID after = null;
        long reading = 0;
        long computing = 0;
        long waiting = 0;
        int persons = 0;
        int pages = 0;
        Future<?> storing = null;
        try {
            do {
                long t0 = System.nanoTime();
                ApiModels.MatchingPage page = api.affectedPersons(measureId, programmeId, after, config.rematchPageSize());
                List<ApiModels.MatchingView> fresh = page.items().stream().filter(v -> matched.add(v.person().id())).toList();
                long t1 = System.nanoTime();
                reading += t1 - t0;
                if (!fresh.isEmpty()) {
                    List<ApiModels.StoreItem> results = compute(fresh);
                    long t2 = System.nanoTime();
                    computing += t2 - t1;
                    await(storing);
                    waiting += System.nanoTime() - t2;
                    storing = stores.submit(() -> store(results));
                }
                persons += fresh.size();
                pages++;
                after = page.next();
            } while (after != null);
            long t3 = System.nanoTime();
            await(storing);
            waiting += System.nanoTime() - t3;
        } finally {
            if (storing != null) {
                storing.cancel(true); // only when failing: done otherwise
            }
        }
        // Ids and timings only, never a profile.
        LOG.infof("Re-matched %d persons of %s %s in %d pages: reading %d ms, computing %d ms, waiting for stores %d ms",
                persons, measureId != null ? "measure" : "programme", measureId != null ? measureId : programmeId,
                pages, reading / 1_000_000, computing / 1_000_000, waiting / 1_000_000);
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
            throw causeOf(e);
        }
    }

    /** What failed in a task, as thrown there when it was unchecked. */
    private static RuntimeException causeOf(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }

    /** The page's results, computed in parallel against one catalogue and one evaluation day. */
    private List<ApiModels.StoreItem> compute(List<ApiModels.MatchingView> views) {
        Catalogue current = catalogue.current();
        LocalDate day = config.today();
        List<Future<ApiModels.StoreItem>> futures = new ArrayList<>(views.size());
        for (ApiModels.MatchingView view : views) {
            futures.add(computing.submit(() -> matcher.compute(view, current, day)));
        }
        List<ApiModels.StoreItem> results = new ArrayList<>(views.size());
        try {
            for (Future<ApiModels.StoreItem> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while re-matching", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw causeOf(e);
        }
        return results;
    }

    /** Stores the results in as few batch requests as the body limit allows. */
    private void store(List<ApiModels.StoreItem> results) {
        List<ApiModels.StoreItem> chunk = new ArrayList<>();
        long bytes = 0;
        for (ApiModels.StoreItem result : results) {
            int size = size(result);
            if (!chunk.isEmpty() && (chunk.size() == MAX_STORE_ITEMS || bytes + size > config.rematchStoreBytes())) {
                send(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(result);
            bytes += size + 1;
        }
        if (!chunk.isEmpty()) {
            send(chunk);
        }
    }

    private void send(List<ApiModels.StoreItem> chunk) {
        for (ApiModels.StoreOutcome outcome : api.storeRecommendations(chunk).items()) {
            // STALE, WITHDRAWN, NOT_FOUND: the profile changed meanwhile, and its own event brings what follows.
            matcher.counted("STORED".equals(outcome.status()) || "UNCHANGED".equals(outcome.status()));
        }
    }

    private int size(ApiModels.StoreItem result) {
        try {
            return json.writeValueAsBytes(result).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A result cannot be written as JSON", e);
        }
    }
}
