package org.inclusionmatch.profile.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the identity provider's signing keys (its JWKS, {@code mp.jwt.verify.publickey.location}) can be read: a
 * readiness check, so that an unreachable provider takes the instance out of service with a reason instead of every
 * request failing, and an error at start naming the URL when they cannot. Nothing to check when the keys are a
 * local file (the development issuer).
 */
@Readiness
@ApplicationScoped
public class IdentityProviderCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Optional<URI> jwks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public IdentityProviderCheck(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.jwks = location.filter(l -> l.startsWith("http://") || l.startsWith("https://")).map(URI::create);
    }

    void atStart(@Observes StartupEvent start) {
        jwks.ifPresent(uri -> problem(uri).ifPresent(problem -> LOG.errorf(
                "The identity provider's keys at %s cannot be read (%s): every token is refused with a 401 and readiness "
                        + "is DOWN until they can. Check mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) "
                        + "and that the provider runs.", uri, problem)));
    }

    @Override
    public HealthCheckResponse call() {
        if (jwks.isEmpty()) {
            return HealthCheckResponse.named("identity-provider").up().withData("keys", "local").build();
        }
        Optional<String> problem = problem(jwks.get());
        var response = HealthCheckResponse.named("identity-provider").status(problem.isEmpty())
                .withData("jwks", jwks.get().toString());
        problem.ifPresent(p -> response.withData("error", p));
        return response.build();
    }

    /** Empty when the URL answers 200 with a key set, else what is wrong. */
    private Optional<String> problem(URI uri) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.of("HTTP " + answer.statusCode());
            }
            return answer.body().contains("\"keys\"") ? Optional.empty() : Optional.of("the answer is not a JSON Web Key Set");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
