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
 * profile-service as the worker sees it, made tolerant of a slow or restarting API: every call has a timeout,
 * is retried with exponential backoff for up to a minute (so a restart of the API does not send good events to
 * the dead-letter topic) and stops hammering a failing API through a circuit breaker. A 4xx is an answer, not a
 * fault: 404 becomes empty, 409 (a stale result) becomes {@code false}; neither is retried.
 */
@ApplicationScoped
public class ProfileServiceClient {

    private static final int PAGE_SIZE = 100;

    private final ProfileApi api;

    public ProfileServiceClient(@RestClient ProfileApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 12, delay = 200, jitter = 100, maxDuration = 60_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientError.class)
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

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 12, delay = 200, jitter = 100, maxDuration = 60_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientError.class)
    public ApiModels.MatchingPage affectedPersons(UUID measureId, UUID programmeId, UUID after, int size) {
        try {
            return api.affectedPersons(measureId, programmeId, after, size);
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    /** The whole catalogue, page by page. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 12, delay = 200, jitter = 100, maxDuration = 60_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientError.class)
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
            return new CatalogueSnapshot(programmes, measures);
        } catch (WebApplicationException e) {
            throw ClientError.orRetry(e);
        }
    }

    /** Stores recommendations; false when the API refused them as computed from an outdated profile. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 12, delay = 200, jitter = 100, maxDuration = 60_000, abortOn = ClientError.class)
    @ExponentialBackoff(maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientError.class)
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

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    public record CatalogueSnapshot(List<ApiModels.Programme> programmes, List<ApiModels.Measure> measures) {
    }

    /** A 4xx other than the expected ones: the request itself is wrong, so retrying cannot help. */
    public static class ClientError extends RuntimeException {
        ClientError(String message) {
            super(message);
        }

        static RuntimeException orRetry(WebApplicationException e) {
            int status = status(e);
            if (status >= 400 && status < 500) {
                return new ClientError("profile-service answered " + status);
            }
            return e;
        }
    }
}
