package org.inclusionmatch.worker.matching;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.Evidence;
import org.inclusionmatch.engine.Measure;
import org.inclusionmatch.engine.Programme;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

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
                snapshot.measures().stream().map(CatalogueCache::measure).toList())
                .withEvidence(evidence(snapshot.evidence()));
        catalogue.problems().forEach(problem -> LOG.warn("Catalogue problem: " + problem));
        return catalogue;
    }

    @CacheInvalidateAll(cacheName = NAME)
    public void invalidate() {
    }

    /** The published cells the engine can use; none without an overall rate to smooth toward. */
    static Evidence evidence(ApiModels.OutcomeEvidence published) {
        if (published == null || published.overallRate() == null || published.cells() == null) {
            return Evidence.NONE;
        }
        List<Evidence.Cell> cells = new ArrayList<>();
        for (ApiModels.EvidenceCell c : published.cells()) {
            if (c.id() != null && c.value() != null && c.included() <= c.participants() && c.included() >= 0
                    && ("PROGRAMME".equals(c.scope()) || "MEASURE".equals(c.scope()))
                    && ("TARGET_GROUP".equals(c.group()) || "ARCHETYPE".equals(c.group()))) {
                cells.add(new Evidence.Cell(Evidence.Scope.valueOf(c.scope()), c.id(), Evidence.Group.valueOf(c.group()),
                        c.value(), c.participants(), c.included()));
            }
        }
        return new Evidence(Math.max(0, Math.min(1, published.overallRate())), cells);
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
