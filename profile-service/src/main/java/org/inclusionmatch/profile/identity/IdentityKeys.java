package org.inclusionmatch.profile.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keyed hash that links a person's records across organisations: HMAC-SHA-256 of the personal code under the
 * first key of the identity key file, then of that value under the second, and so on. A key added at the end wraps
 * the stored values once more ({@link IdentityRewrap}), so rotating needs no code and, once every value is wrapped,
 * a copy of the database and of the old keys is not enough to test a guess: the new key is needed too.
 * <p>
 * The keys are read once at start; a rotation is a rolling restart. The code, a key and an unkeyed hash of the code
 * are never logged or stored.
 */
@ApplicationScoped
public class IdentityKeys {

    private static final Logger LOG = Logger.getLogger(IdentityKeys.class);
    private static final String HMAC = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    /** A stored link: the value and how many keys it is wrapped under. */
    public record Link(byte[] value, int layers) {
    }

    private final List<SecretKeySpec> keys;

    public IdentityKeys(IdentityConfig config) {
        this.keys = config.keyFile().map(file -> load(file, config.createMissingKey())).orElse(List.of());
        if (keys.isEmpty()) {
            LOG.info("No identity key file (inclusion.identity.key-file): personal codes are refused");
        } else {
            LOG.infof("Identity keys: %d (personal codes are linked under all of them)", keys.size());
        }
    }

    /** Whether personal codes can be linked at all. */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    public int layers() {
        return keys.size();
    }

    /** The code's link under every key; 400 on {@code field} when no key is configured. */
    public Link link(String field, PersonalCode code) {
        requireEnabled(field);
        List<byte[]> values = candidates(code);
        return new Link(values.get(values.size() - 1), values.size());
    }

    /**
     * Every value a record of this code may hold now: wrapped under the first key, the first two, ... all of them,
     * so a look-up during a rotation also finds what is not yet wrapped under the newest key. Last is the full link.
     */
    public List<byte[]> candidates(PersonalCode code) {
        requireEnabled("personalCode");
        List<byte[]> values = new ArrayList<>(keys.size());
        byte[] value = code.digits().getBytes(StandardCharsets.US_ASCII);
        for (SecretKeySpec key : keys) {
            value = hmac(key, value);
            values.add(value);
        }
        return values;
    }

    /** A stored value wrapped under {@code layers} keys, wrapped under the rest. */
    byte[] wrap(byte[] value, int layers) {
        for (int i = layers; i < keys.size(); i++) {
            value = hmac(keys.get(i), value);
        }
        return value;
    }

    private void requireEnabled(String field) {
        if (keys.isEmpty()) {
            throw InvalidInput.field(field, "cannot be recorded: this server has no identity key (ask its operator)");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    static List<SecretKeySpec> load(Path file, boolean createMissing) {
        try {
            if (!Files.exists(file) && createMissing) {
                create(file);
            }
            List<SecretKeySpec> keys = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                byte[] key;
                try {
                    key = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Identity key file " + file + ", line " + number + ": not base64");
                }
                if (key.length < MIN_KEY_BYTES) {
                    throw new IllegalStateException("Identity key file " + file + ", line " + number + ": a key needs at least "
                            + MIN_KEY_BYTES + " bytes");
                }
                keys.add(new SecretKeySpec(key, HMAC));
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("Identity key file " + file + " holds no key");
            }
            return List.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("Identity key file " + file + " cannot be read", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path created = Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(created, "# identity key, created for a local run; never use it in production\n"
                + Base64.getEncoder().encodeToString(key) + "\n");
        LOG.infof("Created the identity key file %s", file);
    }
}
