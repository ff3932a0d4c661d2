package org.inclusionmatch.profile.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.RuleViolation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes creates safe to retry: a create sent again with the same {@code Idempotency-Key} returns the record the
 * first one made. The same key with a different body is a client error, not a second record.
 * <p>
 * Retries may arrive while the first request is still running (a client timing out and sending again, or a proxy
 * duplicating a request). So the key is locked before it is looked up: a transaction-scoped advisory lock on the
 * (scope, key) pair. The second request waits until the first one commits (or rolls back), then finds the key and
 * replays the first one's record, instead of failing on the primary key with a 409.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper json;

    public IdempotencyKeys(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Runs {@code create} once per key: a repeat with the same key and body returns what the first call made
     * ({@code replay} reads it by id), a repeat with another body is a 422, and without a key it simply creates.
     */
    public <V> V once(String scope, String key, Object request, Function<UUID, V> replay, Supplier<V> create,
                      Function<V, UUID> idOf) {
        lock(scope, key);
        Optional<UUID> previous = previous(scope, key, request);
        if (previous.isPresent()) {
            return replay.apply(previous.get());
        }
        V created = create.get();
        remember(scope, key, request, idOf.apply(created));
        return created;
    }

    /**
     * Holds the key until this transaction ends, so that concurrent requests with the same key run one after the
     * other. The lock id is a 64-bit hash of scope and key; a collision only makes two unrelated creates wait.
     */
    void lock(String scope, String key) {
        if (key == null) {
            return;
        }
        check(key);
        long lockId = ByteBuffer.wrap(sha256((scope + '\n' + key).getBytes(StandardCharsets.UTF_8))).getLong();
        Panache.getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(?1)", Integer.class)
                .setParameter(1, lockId)
                .getSingleResult();
    }

    private static void check(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequest(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        // PostgreSQL text cannot hold NUL, and a control character in a key is a client bug, not a key.
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequest(HEADER + " must not contain control characters");
        }
    }

    /** The id created earlier under this key, if any. */
    public Optional<UUID> previous(String scope, String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        check(key);
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select request_hash, resource_id from idempotency_key where scope = ?1 and key = ?2", Object[].class)
                .setParameter(1, scope).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!rows.get(0)[0].equals(hash(request))) {
            throw new RuleViolation(RuleViolation.Rule.IDEMPOTENCY_KEY_REUSED,
                    HEADER + " " + key + " was already used for a different request");
        }
        return Optional.of((UUID) rows.get(0)[1]);
    }

    public void remember(String scope, String key, Object request, UUID resourceId) {
        if (key == null) {
            return;
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into idempotency_key (scope, key, request_hash, resource_id, created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash(request))
                .setParameter(4, resourceId).setParameter(5, Instant.now())
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(sha256(json.writeValueAsBytes(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
