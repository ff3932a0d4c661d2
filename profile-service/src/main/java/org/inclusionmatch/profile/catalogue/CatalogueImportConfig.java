package org.inclusionmatch.profile.catalogue;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code inclusion.catalogue.*}: a catalogue file to import at start (the local run's demo data). */
@ConfigMapping(prefix = "inclusion.catalogue")
public interface CatalogueImportConfig {

    Optional<String> importFile();
}
