package org.inclusionmatch.profile.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.inclusionmatch.profile.domain.NotPermitted;

import java.util.Optional;
import java.util.UUID;

/** Who is calling: subject, roles and the organisation whose persons they may see (the token's {@code org} claim). */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "org";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's roles, sorted and comma-separated, as the audit log records them. */
    public String roles() {
        return String.join(",", new java.util.TreeSet<>(identity.getRoles()));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> organisation() {
        return organisationOf(identity);
    }

    /** The organisation a verified token names in its {@code org} claim, if it names a valid one. */
    public static Optional<UUID> organisationOf(SecurityIdentity identity) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(ORGANISATION_CLAIM) != null) {
            try {
                return Optional.of(UUID.fromString(jwt.<Object>getClaim(ORGANISATION_CLAIM).toString().replace("\"", "")));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The caller's organisation; without one, person data is out of reach (403). */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(() -> new NotPermitted(
                "Your token names no organisation (claim '" + ORGANISATION_CLAIM + "'), so no person data is visible to you"));
    }
}
