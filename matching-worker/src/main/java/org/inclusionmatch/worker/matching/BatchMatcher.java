package org.inclusionmatch.worker.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many persons at once, for both paths that match in bulk (a batch of person events, a page of a re-match): their
 * results computed on all processors against one catalogue and one evaluation day, and stored with as few batch
 * requests as the API's limits allow. The requests are retried by {@link ProfileServiceClient} as any other; a
 * request the API refuses throws its {@link ProfileServiceClient.ClientError} to the caller.
 */
@ApplicationScoped
public class BatchMatcher {

    /** The API's limit of results per batch store, and of ids per batch read of matching views. */
    public static final int MAX_BATCH = 500;

    private final ProfileServiceClient api;
    private final PersonMatcher matcher;
    private final CatalogueCache catalogue;
    private final MatchingConfig config;
    private final ObjectMapper json;
    private final ExecutorService computing;

    public BatchMatcher(ProfileServiceClient api, PersonMatcher matcher, CatalogueCache catalogue, MatchingConfig config,
                        ObjectMapper json) {
        this.api = api;
        this.matcher = matcher;
        this.catalogue = catalogue;
        this.config = config;
        this.json = json;
        int threads = config.rematchThreads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.computing = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, "match-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        computing.shutdownNow();
    }

    /**
     * First matching of a batch of persons: their views read with one request per 500, computed, stored with one
     * request per 500 (more only when the results would not fit a body). Persons gone or withdrawn from matching
     * have no view and are skipped; a result the API finds stale (the profile changed since the read) is not stored
     * and fails nothing, as the newer version's own event brings its result. Returns how many views were matched.
     */
    public int matchPersons(Collection<UUID> personIds) {
        List<UUID> ids = List.copyOf(personIds);
        int matched = 0;
        for (int from = 0; from < ids.size(); from += MAX_BATCH) {
            List<ApiModels.MatchingView> views = api.matchingViews(ids.subList(from, Math.min(ids.size(), from + MAX_BATCH)));
            if (!views.isEmpty()) {
                store(compute(views));
                matched += views.size();
            }
        }
        return matched;
    }

    /** The results of these views, computed in parallel against one catalogue and one evaluation day. */
    public List<ApiModels.StoreItem> compute(List<ApiModels.MatchingView> views) {
        Catalogue current = catalogue.current();
        LocalDate day = config.today();
        if (views.size() == 1) {
            return List.of(matcher.compute(views.get(0), current, day)); // a lone event: no hand-off to another thread
        }
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
            throw new IllegalStateException("Interrupted while matching", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw causeOf(e);
        }
        return results;
    }

    /** Stores the results in as few batch requests as the body limit allows. */
    public void store(List<ApiModels.StoreItem> results) {
        List<ApiModels.StoreItem> chunk = new ArrayList<>();
        long bytes = 0;
        for (ApiModels.StoreItem result : results) {
            int size = size(result);
            if (!chunk.isEmpty() && (chunk.size() == MAX_BATCH || bytes + size > config.rematchStoreBytes())) {
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

    /** What failed in a task, as thrown there when it was unchecked. */
    static RuntimeException causeOf(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
