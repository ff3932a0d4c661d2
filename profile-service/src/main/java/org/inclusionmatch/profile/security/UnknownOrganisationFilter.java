package org.inclusionmatch.profile.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token whose organisation does not exist here is refused on every operation (403), rather than answered with an
 * empty world: an identity provider that maps a user to a wrong or removed organisation is a configuration error
 * the caller and the operator should see at once.
 */
public class UnknownOrganisationFilter {

    private final CurrentIdentityAssociation identities;

    public UnknownOrganisationFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> refuseUnknownOrganisation() {
        // A token that fails verification is the authentication's 401, answered later.
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .map(identity -> identity == null ? null : identity.<String>getAttribute(Caller.UNKNOWN_ORGANISATION))
                .map(claim -> {
                    if (claim != null) {
                        throw new NotPermitted("Your token names organisation '" + claim + "' (claim '" + Caller.ORGANISATION_CLAIM
                                + "'), which does not exist here; ask your administrator to map your account to an existing organisation");
                    }
                    return (Response) null;
                });
    }
}
