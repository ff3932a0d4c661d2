package org.inclusionmatch.worker.matching;

import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.worker.engine.Catalogue;
import org.inclusionmatch.worker.engine.Measure;
import org.inclusionmatch.worker.engine.Programme;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The catalogue compiled for the engine, read through the API. Reused for a short while (the catalogue changes
 * rarely and compiling every rule per person would be waste); a catalogue event drops it at once.
 */
@ApplicationScoped
public class CatalogueCache {

    private static final Logger LOG = Logger.getLogger(CatalogueCache.class);

    private final ProfileServiceClient api;
    private final MatchingConfig config;
    private volatile Loaded loaded;

    public CatalogueCache(ProfileServiceClient api, MatchingConfig config) {
        this.api = api;
        this.config = config;
    }

    public Catalogue current() {
        Loaded snapshot = loaded;
        if (snapshot == null || snapshot.at.plus(config.catalogueTtl()).isBefore(Instant.now())) {
            snapshot = load();
        }
        return snapshot.catalogue;
    }

    public void invalidate() {
        loaded = null;
    }

    private synchronized Loaded load() {
        ProfileServiceClient.CatalogueSnapshot snapshot = api.catalogue();
        Catalogue catalogue = Catalogue.of(
                snapshot.programmes().stream().map(CatalogueCache::programme).toList(),
                snapshot.measures().stream().map(CatalogueCache::measure).toList());
        catalogue.problems().forEach(problem -> LOG.warn("Catalogue problem: " + problem));
        Loaded fresh = new Loaded(catalogue, Instant.now());
        loaded = fresh;
        return fresh;
    }

    private static Programme programme(ApiModels.Programme p) {
        return new Programme(p.id(), p.code(), p.startDate(), p.endDate(), p.capacity(), p.regions(), p.eligibility());
    }

    private static Measure measure(ApiModels.Measure m) {
        return new Measure(m.id(), m.code(), m.programmeId(), m.kind(), m.title(), m.needs(), m.goals(), m.regions(),
                m.remote(), m.capacity(), m.seatsTaken() + m.seatsHeld(), m.startDate(), m.endDate(), m.eligibility());
    }

    private record Loaded(Catalogue catalogue, Instant at) {
    }
}
