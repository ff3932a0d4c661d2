package org.inclusionmatch.profile.common.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Catalogue reads (measures and programmes with their places and waitlists, which change rarely and are read by every
 * case worker's screen) kept in memory from one catalogue change to the next ({@link CatalogueChanges}), each with an
 * ETag drawn from its content, so that equal answers carry equal tags on every instance. Reads that must not be shared
 * between callers never come here: what is cached is the same for every caller. The time to live bounds what depends
 * on the clock alone (the waitlist's pace counts the last 90 days).
 */
@ApplicationScoped
public class CatalogueCache {

    /** Bounds the memory: a cached value weighs one plus the number of items in it (a page holds at most 100). */
    private static final long MAX_WEIGHT = 20_000;

    private final CatalogueChanges changes;
    private final Cache<Object, Cached<?>> entries;

    public CatalogueCache(CatalogueChanges changes,
                          @ConfigProperty(name = "inclusion.catalogue.cache-ttl", defaultValue = "PT1M") Duration ttl) {
        this.changes = changes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(MAX_WEIGHT)
                .weigher((Object key, Cached<?> value) -> value.weight())
                .expireAfterWrite(ttl)
                .build();
    }

    /**
     * The value for {@code key} as of the last catalogue change: cached, or loaded (in the caller's transaction) and
     * cached unless a change was heard while it loaded. {@code weight}: how many items the value holds.
     */
    @SuppressWarnings("unchecked")
    public <T> Cached<T> get(Object key, Supplier<T> load, int weight) {
        if (!changes.trusted()) {
            return Cached.of(load.get(), weight, -1);
        }
        long generation = changes.generation();
        Cached<?> cached = entries.getIfPresent(key);
        if (cached != null && cached.generation() == generation) {
            return (Cached<T>) cached;
        }
        Cached<T> loaded = Cached.of(load.get(), weight, generation);
        if (changes.generation() == generation && changes.trusted()) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    /**
     * A cached value with its strong ETag (a digest of its content) and the catalogue generation it was read at.
     */
    public record Cached<T>(T value, String etag, int weight, long generation) {

        static <T> Cached<T> of(T value, int weight, long generation) {
            return new Cached<>(value, digest(value), weight + 1, generation);
        }

        /** The records' text form names every field, so equal content gives an equal tag on any instance. */
        private static String digest(Object value) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 12);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
