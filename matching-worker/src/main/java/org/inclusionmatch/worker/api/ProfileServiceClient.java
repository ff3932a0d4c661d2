package org.inclusionmatch.worker.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * profile-service as the worker sees it, made to wait out any outage: every call has a timeout, and a failure that
 * says nothing about the request (connection refused, timeout, 5xx, 401/403/408/429, the circuit breaker open) is
 * retried with exponential backoff up to 10 s apart, without limit ({@code maxRetries = -1, maxDuration = 0}),
 * so an API outage of any length delays matching and never drops or dead-letters an event. The circuit breaker
 * (inside the retry) keeps the retries from hammering a failing API. An answer about the request is not retried:
 * 404 becomes empty, 409 (a stale result) {@code false}, and any other 4xx a {@link ClientError}, which the
 * consumers dead-letter.
 *
 * <p>The policy is declared once, on the class, and so applies to every public method; each method still has a
 * circuit breaker of its own. A method that needs longer than the default 5 s timeout says so.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = -1, maxDuration = 0, delay = 200, jitter = 100, abortOn = ProfileServiceClient.ClientError.class)
@ExponentialBackoff(maxDelay = 10_000, maxDelayUnit = ChronoUnit.MILLIS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ProfileServiceClient.ClientError.class)
public class ProfileServiceClient {

    private static final int PAGE_SIZE = 100;

    private final ProfileApi api;

    public ProfileServiceClient(@RestClient ProfileApi api) {
        this.api = api;
    }

    public Optional<ApiModels.MatchingView> matchingView(UUID personId) {
        try {
            return Optional.of(api.matchingView(personId));
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw ClientError.orRetry(e);
        }
    }

    /** The views of these persons (at most 500, each once), in their order; those gone or withdrawn are left out. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public List<ApiModels.MatchingView> matchingViews(List<UUID> personIds) {
        try {
            return api.matchingViews(new ApiModels.MatchingViewsRequest(personIds)).items();
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public ApiModels.MatchingPage affectedPersons(UUID measureId, UUID programmeId, UUID after, int size) {
        try {
            return api.affectedPersons(measureId, programmeId, after, size);
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    /** The whole catalogue, page by page. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public CatalogueSnapshot catalogue() {
        try {
            List<ApiModels.Programme> programmes = new ArrayList<>();
            for (int page = 0; ; page++) {
                ApiModels.Page<ApiModels.Programme> p = api.programmes(page, PAGE_SIZE);
                programmes.addAll(p.items());
                if ((long) (page + 1) * PAGE_SIZE >= p.total()) {
                    break;
                }
            }
            List<ApiModels.Measure> measures = new ArrayList<>();
            for (int page = 0; ; page++) {
                ApiModels.Page<ApiModels.Measure> p = api.measures(page, PAGE_SIZE);
                measures.addAll(p.items());
                if ((long) (page + 1) * PAGE_SIZE >= p.total()) {
                    break;
                }
            }
            return new CatalogueSnapshot(programmes, measures, evidence());
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    /** Past outcomes as evidence; none from an API that does not offer them (404), so matching goes on without. */
    private ApiModels.OutcomeEvidence evidence() {
        try {
            return api.evidence();
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Stores recommendations; false when the API refused them as computed from an outdated profile. */
    public boolean putRecommendations(UUID personId, ApiModels.Recommendations recommendations) {
        try {
            api.putRecommendations(personId, recommendations);
            return true;
        } catch (WebApplicationException e) {
            if (status(e) == 409 || status(e) == 404) {
                return false;
            }
            throw ClientError.orRetry(e);
        }
    }

    /**
     * Stores many persons' results in one request and one transaction; the answer says per person what became of
     * the result (a stale one is not stored, and fails nothing). A retry after a lost answer finds the stored
     * results UNCHANGED.
     */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public ApiModels.StoreResult storeRecommendations(List<ApiModels.StoreItem> items) {
        try {
            return api.storeRecommendations(new ApiModels.StoreBatch(items));
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    public record CatalogueSnapshot(List<ApiModels.Programme> programmes, List<ApiModels.Measure> measures,
                                    ApiModels.OutcomeEvidence evidence) {

        public CatalogueSnapshot(List<ApiModels.Programme> programmes, List<ApiModels.Measure> measures) {
            this(programmes, measures, null);
        }
    }

    /** A 4xx other than the expected ones: the request itself is wrong, so retrying cannot help. */
    public static class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message, null, false, false); // an answer, not a failure: no stack trace to fill or log
        }

        static RuntimeException orRetry(WebApplicationException e) {
            int status = status(e);
            if (status >= 400 && status < 500 && !transientClientStatus(status)) {
                return new ClientError("profile-service refused the request: " + status);
            }
            return e;
        }

        /**
         * 4xx answers that say "not now" rather than "never": an expired or not yet trusted service token
         * (401, 403, fixed by configuration, not by dropping events), a request timeout, rate limiting.
         */
        static boolean transientClientStatus(int status) {
            return status == 401 || status == 403 || status == 408 || status == 425 || status == 429;
        }
    }
}
