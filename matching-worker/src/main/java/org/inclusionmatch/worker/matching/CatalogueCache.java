package org.inclusionmatch.worker.matching;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.worker.engine.Catalogue;
import org.inclusionmatch.worker.engine.Measure;
import org.inclusionmatch.worker.engine.Programme;
import org.jboss.logging.Logger;

/**
 * The catalogue compiled for the engine, read through the API. Reused for a short while (the catalogue changes
 * rarely and compiling every rule per person would be waste; {@code quarkus.cache.caffeine.catalogue.expire-after-write}),
 * and a catalogue event drops it at once. Callers that arrive while it is being read wait for that one read instead of
 * each reading it again. Every read compiles the rules afresh, so a rule quarantined for cut-offs gets a new chance.
 */
@ApplicationScoped
public class CatalogueCache {

    static final String NAME = "catalogue";

    private static final Logger LOG = Logger.getLogger(CatalogueCache.class);

    private final ProfileServiceClient api;

    public CatalogueCache(ProfileServiceClient api) {
        this.api = api;
    }

    @CacheResult(cacheName = NAME)
    public Catalogue current() {
        ProfileServiceClient.CatalogueSnapshot snapshot = api.catalogue();
        Catalogue catalogue = Catalogue.of(
                snapshot.programmes().stream().map(CatalogueCache::programme).toList(),
                snapshot.measures().stream().map(CatalogueCache::measure).toList());
        catalogue.problems().forEach(problem -> LOG.warn("Catalogue problem: " + problem));
        return catalogue;
    }

    @CacheInvalidateAll(cacheName = NAME)
    public void invalidate() {
    }

    private static Programme programme(ApiModels.Programme p) {
        return new Programme(p.id(), p.code(), p.startDate(), p.endDate(), p.capacity(), p.regions(), p.eligibility(),
                p.placesHeld());
    }

    private static Measure measure(ApiModels.Measure m) {
        return new Measure(m.id(), m.code(), m.programmeId(), m.kind(), m.title(), m.needs(), m.goals(), m.regions(),
                m.remote(), m.capacity(), m.seatsTaken() + m.seatsHeld(), m.startDate(), m.endDate(), m.eligibility(),
                m.audienceRoles(), m.languages(), m.waitlist(), m.releasedLast90Days());
    }
}
