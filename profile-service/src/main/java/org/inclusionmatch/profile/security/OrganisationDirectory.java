package org.inclusionmatch.profile.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Which organisation a token's {@code org} claim names: its id, or its code (what an identity provider can know
 * beforehand, e.g. a Keycloak group attribute), checked against the organisations that exist here. A claim alone is
 * never trusted. Answers are remembered for {@code inclusion.security.organisation-cache-ttl} (30 s), so a deleted
 * organisation's tokens stop working within that time without a query on every request.
 */
@ApplicationScoped
public class OrganisationDirectory {

    private static final String QUERY = "select id from organisation where id = ? union all "
            + "select id from organisation where code = ? limit 1";

    private final AgroalDataSource dataSource;
    private final Cache<String, Optional<UUID>> known;

    public OrganisationDirectory(AgroalDataSource dataSource,
                                 @ConfigProperty(name = "inclusion.security.organisation-cache-ttl", defaultValue = "30s") Duration ttl) {
        this.dataSource = dataSource;
        this.known = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    /** The id of the organisation the claim names, or empty when no such organisation exists. Blocking. */
    public Optional<UUID> resolve(String claim) {
        return known.get(claim, this::lookUp);
    }

    private Optional<UUID> lookUp(String claim) {
        UUID id = parseUuid(claim);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setObject(1, id);
            statement.setString(2, claim);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            // Not cached: the caller's request fails like any other when the database is down.
            throw new IllegalStateException("Could not look up the token's organisation", e);
        }
    }

    private static UUID parseUuid(String claim) {
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
