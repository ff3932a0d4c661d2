package org.inclusionmatch.profile.common.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** When a cached catalogue read may be served, and what its tag says; no database (the listener is never started). */
class CatalogueCacheTest {

    private final CatalogueChanges changes = new CatalogueChanges("jdbc:postgresql://127.0.0.1:1/none", Optional.empty(), Optional.empty());
    private final CatalogueCache cache = new CatalogueCache(changes, Duration.ofMinutes(1));
    private final AtomicInteger loads = new AtomicInteger();

    private List<String> load() {
        loads.incrementAndGet();
        return List.of("measure-a", "measure-b");
    }

    @Test
    void whileChangesMayGoUnheardEveryReadGoesToTheDatabase() {
        cache.get("page", this::load, 2);
        cache.get("page", this::load, 2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void betweenChangesAReadIsLoadedOnceAndAChangeLoadsItAgain() {
        changes.listening(true);
        cache.get("page", this::load, 2);
        cache.get("page", this::load, 2);
        assertThat(loads).hasValue(1);
        changes.changed();
        cache.get("page", this::load, 2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aValueLoadedWhileAChangeWasHeardIsServedOnceButNotKept() {
        changes.listening(true);
        cache.get("page", () -> {
            changes.changed(); // committed while this read was loading: what it read may be older
            return load();
        }, 2);
        cache.get("page", this::load, 2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void theTagNamesTheContent() {
        changes.listening(true);
        String first = cache.get("a", () -> List.of("x", "y"), 2).etag();
        String same = cache.get("b", () -> List.of("x", "y"), 2).etag();
        String other = cache.get("c", () -> List.of("x", "z"), 2).etag();
        assertThat(same).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
