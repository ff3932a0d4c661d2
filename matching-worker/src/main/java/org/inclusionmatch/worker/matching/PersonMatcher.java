package org.inclusionmatch.worker.matching;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.MatchingEngine;
import org.inclusionmatch.engine.MatchingSettings;
import org.inclusionmatch.engine.PersonProfile;
import org.inclusionmatch.engine.MatchResult;
import org.inclusionmatch.engine.Reason;
import org.inclusionmatch.engine.Recommendation;
import org.inclusionmatch.engine.WhyNot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Computes one person's recommendations from their matching view; {@link #match(UUID)} also reads the view and stores
 * the result, one request each (the path a batch falls back to when the API refuses it, to find the record to park).
 */
@ApplicationScoped
public class PersonMatcher {

    private final ProfileServiceClient api;
    private final CatalogueCache catalogue;
    private final MatchingConfig config;
    private final MatchingEngine engine;
    private final MeterRegistry metrics;

    public PersonMatcher(ProfileServiceClient api, CatalogueCache catalogue, MatchingConfig config, MeterRegistry metrics,
                         RuleCutOffReport cutOffs) {
        this.api = api;
        this.catalogue = catalogue;
        this.config = config;
        this.engine = new MatchingEngine(
                new MatchingSettings(config.topK(), config.ruleDeadline(), config.ruleQuarantineAfter()), cutOffs);
        this.metrics = metrics;
    }

    /** Re-matches a person by id; a person who no longer exists (or may not be matched) is skipped. */
    public void match(UUID personId) {
        api.matchingView(personId).ifPresent(this::match);
    }

    public void match(ApiModels.MatchingView view) {
        ApiModels.StoreItem result = compute(view, config.today());
        boolean stored = api.putRecommendations(result.personId(), new ApiModels.Recommendations(
                result.profileVersion(), result.engineVersion(), result.evaluationDay(), result.computedAt(),
                result.recommendations(), result.whyNot()));
        // Not stored means the profile changed meanwhile; its own event brings a fresh computation.
        counted(stored);
    }

    /** One person's result, not yet stored; the engine holds no state, so any number of threads may call this. */
    public ApiModels.StoreItem compute(ApiModels.MatchingView view, LocalDate day) {
        return compute(view, catalogue.current(), day);
    }

    /** {@link #compute(ApiModels.MatchingView, LocalDate)} against a catalogue the caller holds (one per page). */
    public ApiModels.StoreItem compute(ApiModels.MatchingView view, Catalogue current, LocalDate day) {
        MatchResult result = engine.match(profile(view), current, day);
        return new ApiModels.StoreItem(view.person().id(), view.person().version(), MatchingEngine.ENGINE_VERSION, day,
                Instant.now(), result.recommendations().stream().map(PersonMatcher::toApi).toList(),
                result.whyNot().stream().map(PersonMatcher::toApi).toList());
    }

    /** Counts a result as stored (or found unchanged), or refused as computed from an outdated profile. */
    public void counted(boolean stored) {
        metrics.counter("inclusion_matching_results", "stored", Boolean.toString(stored)).increment();
    }

    private static PersonProfile profile(ApiModels.MatchingView view) {
        ApiModels.Person p = view.person();
        return new PersonProfile(p.id(), p.version(), p.role(), p.archetype(), p.birthYear(), p.gender(), p.region(),
                p.municipality(), p.targetGroups(), p.needs(), p.goals(), p.languages(),
                view.excludedMeasureIds() == null ? null : new HashSet<>(view.excludedMeasureIds()),
                view.heldProgrammeIds() == null ? null : new HashSet<>(view.heldProgrammeIds()),
                view.heldElsewhereMeasureIds() == null ? null : new HashSet<>(view.heldElsewhereMeasureIds()));
    }

    private static ApiModels.Recommendation toApi(Recommendation r) {
        return new ApiModels.Recommendation(r.rank(), r.measureId(), r.measureCode(), r.score(),
                r.reasons().stream().map(PersonMatcher::toApi).toList());
    }

    private static ApiModels.WhyNot toApi(WhyNot w) {
        return new ApiModels.WhyNot(w.measureId(), w.measureCode(), w.unmet().stream().map(PersonMatcher::toApi).toList(),
                w.changes().stream().map(PersonMatcher::toApi).toList());
    }

    private static ApiModels.Reason toApi(Reason reason) {
        return new ApiModels.Reason(reason.code(), reason.params(), reason.text());
    }
}
