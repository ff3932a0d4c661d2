package org.inclusionmatch.worker.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * A 401 from profile-service means the token in hand is no longer accepted, e.g. signed with a key the provider
 * has rotated out: the next call gets a new one instead of retrying with it until it would have expired.
 */
@jakarta.inject.Singleton
public class ServiceTokenRefused implements ClientResponseFilter {

    private final ServiceToken token;

    public ServiceTokenRefused(ServiceToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 401) {
            token.refused();
        }
    }
}
