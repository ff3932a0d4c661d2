package org.inclusionmatch.worker.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.worker.matching.CatalogueCache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue is read once for all who ask at the same time, reused, and read again after an invalidation. */
@QuarkusTest
@WithTestResource(ProfileServiceTestResource.class)
class CatalogueCacheTest {

    @Inject
    CatalogueCache cache;

    @Test
    void callersArrivingDuringAReloadShareThatOneReload() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            cache.invalidate();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Catalogue>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cache.current();
                }));
            }
            start.countDown();
            Set<Catalogue> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Catalogue> answer : answers) {
                distinct.add(answer.get());
            }
            assertThat(distinct).as("one read of the catalogue, not one per waiting caller").hasSize(1);

            Catalogue loaded = distinct.iterator().next();
            assertThat(cache.current()).as("reused while fresh").isSameAs(loaded);
            cache.invalidate();
            assertThat(cache.current()).as("read again after an invalidation").isNotSameAs(loaded);
        } finally {
            pool.shutdownNow();
        }
    }
}
