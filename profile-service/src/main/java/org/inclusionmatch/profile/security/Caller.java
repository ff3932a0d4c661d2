package org.inclusionmatch.profile.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.inclusionmatch.profile.domain.NotPermitted;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: subject, roles and the organisation whose persons they may see: the one the token's {@code org}
 * claim names (by id or code), once {@link OrganisationAugmentor} has found it among the existing organisations.
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "org";
    /** The identity attribute with the id of the caller's (existing) organisation. */
    static final String ORGANISATION = "inclusion.organisation";
    /** The identity attribute with an organisation claim that names no existing organisation. */
    static final String UNKNOWN_ORGANISATION = "inclusion.unknown-organisation";

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

    /** The existing organisation a verified token names in its {@code org} claim, if any. */
    public static Optional<UUID> organisationOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.<UUID>getAttribute(ORGANISATION));
    }

    /** The caller's organisation; without one, person data is out of reach (403). */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(() -> new NotPermitted(
                "Your token names no organisation (claim '" + ORGANISATION_CLAIM + "'), so no person data is visible to you"));
    }
}
