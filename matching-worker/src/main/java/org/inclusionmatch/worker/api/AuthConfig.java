package org.inclusionmatch.worker.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The worker's MATCHER identity towards profile-service ({@code inclusion.auth.*}); see {@link ServiceToken}. */
@ConfigMapping(prefix = "inclusion.auth")
public interface AuthConfig {

    /**
     * {@code oidc-client}: client credentials from the OIDC provider ({@code quarkus.oidc-client.*}), as production
     * runs (deploy/k8s); {@code local}: {@link #token()} if given, else self-signed with the development key.
     */
    @WithDefault("local")
    String mode();

    /** A token handed in by the platform; when absent the worker signs its own with the development issuer's key. */
    Optional<String> token();

    String issuer();

    String audience();
}
