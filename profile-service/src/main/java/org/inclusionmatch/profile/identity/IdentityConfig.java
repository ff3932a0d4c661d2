package org.inclusionmatch.profile.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The keyed hash of personal codes (issue 26); see docs/privacy-and-security.md, "One person, many organisations". */
@ConfigMapping(prefix = "inclusion.identity")
public interface IdentityConfig {

    /**
     * The identity key file: one key per line (base64, at least 32 bytes), oldest first; blank lines and lines
     * starting with # are skipped. Kept outside the database (a Kubernetes Secret). Without it, personal codes are
     * refused and persons behave as before.
     */
    Optional<Path> keyFile();

    /** Creates the key file with one random key when it is missing: for the local run and tests, never production. */
    @WithDefault("false")
    boolean createMissingKey();

    /** How often stored links are checked for a key added since they were written, and wrapped under it. */
    @WithDefault("1m")
    Duration rewrapInterval();

    /** Links wrapped per transaction by that job. */
    @WithDefault("1000")
    int rewrapBatch();
}
