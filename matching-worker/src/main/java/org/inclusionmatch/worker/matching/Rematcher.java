package org.inclusionmatch.worker.matching;

import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.worker.api.ProfileServiceClient;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Re-matches the persons a change of some measures or programmes can affect, page by page (so the API is never
 * asked for everyone at once), each person once however many of the changes touch them.
 */
@ApplicationScoped
public class Rematcher {

    private final ProfileServiceClient api;
    private final PersonMatcher matcher;
    private final MatchingConfig config;

    public Rematcher(ProfileServiceClient api, PersonMatcher matcher, MatchingConfig config) {
        this.api = api;
        this.matcher = matcher;
        this.config = config;
    }

    /** Returns how many persons were re-matched. */
    public int rematch(Collection<UUID> measures, Collection<UUID> programmes) {
        Set<UUID> matched = new HashSet<>();
        measures.forEach(id -> rematch(id, null, matched));
        programmes.forEach(id -> rematch(null, id, matched));
        return matched.size();
    }

    private void rematch(UUID measureId, UUID programmeId, Set<UUID> matched) {
        UUID after = null;
        do {
            ApiModels.MatchingPage page = api.affectedPersons(measureId, programmeId, after, config.rematchPageSize());
            for (ApiModels.MatchingView view : page.items()) {
                if (matched.add(view.person().id())) {
                    matcher.match(view);
                }
            }
            after = page.next();
        } while (after != null);
    }
}
