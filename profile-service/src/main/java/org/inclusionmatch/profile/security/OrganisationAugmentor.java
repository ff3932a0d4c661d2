package org.inclusionmatch.profile.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts the organisation a verified token names on the identity, resolved against the organisations that exist
 * ({@link OrganisationDirectory}): {@link Caller#ORGANISATION} holds its id; a claim naming none that exists is kept
 * as {@link Caller#UNKNOWN_ORGANISATION}, which {@link UnknownOrganisationFilter} refuses with a 403.
 */
@ApplicationScoped
public class OrganisationAugmentor implements SecurityIdentityAugmentor {

    private final OrganisationDirectory directory;

    public OrganisationAugmentor(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        String claim = claim(identity);
        if (claim == null) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> directory.resolve(claim)
                .map(id -> (SecurityIdentity) QuarkusSecurityIdentity.builder(identity).addAttribute(Caller.ORGANISATION, id).build())
                .orElseGet(() -> QuarkusSecurityIdentity.builder(identity).addAttribute(Caller.UNKNOWN_ORGANISATION, claim).build()));
    }

    private static String claim(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object value = jwt.getClaim(Caller.ORGANISATION_CLAIM);
        String text = value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
