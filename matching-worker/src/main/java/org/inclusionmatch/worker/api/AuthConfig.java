package org.inclusionmatch.worker.api;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The worker's MATCHER identity towards profile-service ({@code inclusion.auth.*}); see {@link ServiceToken}. */
@ConfigMapping(prefix = "inclusion.auth")
public interface AuthConfig {

    /** A token handed in by the platform; when absent the worker signs its own with the development issuer's key. */
    Optional<String> token();

    String issuer();

    String audience();
}
