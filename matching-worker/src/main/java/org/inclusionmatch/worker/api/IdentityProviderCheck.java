package org.inclusionmatch.worker.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says so when the OIDC provider gives the worker no token (unreachable, wrong URL, a refused client
 * secret) and the one in hand has expired: the worker cannot call profile-service until it does.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderCheck implements HealthCheck {

    private final ServiceToken token;

    public IdentityProviderCheck(ServiceToken token) {
        this.token = token;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity-provider");
        return token.unavailable().map(why -> response.down().withData("error", why)).orElse(response.up()).build();
    }
}
