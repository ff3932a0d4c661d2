package org.inclusionmatch.profile.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Imports the catalogue file named by {@code inclusion.catalogue.import-file} at start (the local run's demo data). */
@ApplicationScoped
public class StartupImport {

    private static final Logger LOG = Logger.getLogger(StartupImport.class);

    void onStart(@Observes StartupEvent event, CatalogueImporter importer, ObjectMapper json,
                 CatalogueImportConfig config) throws IOException {
        Optional<String> file = config.importFile();
        if (file.isEmpty() || file.get().isBlank()) {
            return;
        }
        Path path = Path.of(file.get());
        if (!Files.isReadable(path)) {
            // Fail loud: a run that was asked for demo data and silently has none is worse than no start.
            throw new IllegalStateException("inclusion.catalogue.import-file names " + path.toAbsolutePath() + ", which cannot be read");
        }
        ImportSummary summary = importer.importCatalogue(json.readValue(path.toFile(), CatalogueFile.class));
        LOG.infof("Imported catalogue %s: %s", path.getFileName(), summary);
    }
}
