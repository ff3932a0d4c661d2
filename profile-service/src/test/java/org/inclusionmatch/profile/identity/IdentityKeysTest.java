package org.inclusionmatch.profile.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityKeysTest {

    static IdentityKeys keys(Path file) {
        return new IdentityKeys(new IdentityConfig() {
            public Optional<Path> keyFile() {
                return Optional.of(file);
            }

            public boolean createMissingKey() {
                return true;
            }

            public Duration rewrapInterval() {
                return Duration.ofMinutes(1);
            }

            public int rewrapBatch() {
                return 1000;
            }
        });
    }

    static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aNewKeyWrapsTheStoredLinkToWhatTheLongerKeyFileGivesTheCode(@TempDir Path dir) throws Exception {
        PersonalCode code = PersonalCode.parse("personalCode", PersonalCodeTest.withCheckDigit("3201010000"));
        Path file = dir.resolve("keys");
        Files.writeString(file, "# first\n" + key(1) + "\n");
        IdentityKeys one = keys(file);
        IdentityKeys.Link stored = one.link("personalCode", code);
        assertThat(stored.value()).hasSize(32);
        assertThat(stored.layers()).isEqualTo(1);
        // never the unkeyed hash
        assertThat(stored.value()).isNotEqualTo(MessageDigest.getInstance("SHA-256").digest(code.digits().getBytes()));

        Files.writeString(file, "# first\n" + key(1) + "\n\n# added in the rotation\n" + key(2) + "\n");
        IdentityKeys two = keys(file);
        IdentityKeys.Link full = two.link("personalCode", code);
        assertThat(full.layers()).isEqualTo(2);
        assertThat(two.wrap(stored.value(), 1)).isEqualTo(full.value());
        // a look-up during the rotation finds the value not yet wrapped, then the wrapped one
        List<byte[]> candidates = two.candidates(code);
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0)).isEqualTo(stored.value());
        assertThat(candidates.get(1)).isEqualTo(full.value());
        // another key file gives other links: the key, not the code alone, makes the link
        Path other = dir.resolve("other");
        Files.writeString(other, key(3) + "\n");
        assertThat(keys(other).link("personalCode", code).value()).isNotEqualTo(stored.value());
    }

    @Test
    void aMissingFileIsCreatedOwnerOnlyAndABadOneStopsTheStart(@TempDir Path dir) throws Exception {
        Path created = dir.resolve("sub/identity.key");
        assertThat(keys(created).enabled()).isTrue();
        assertThat(Files.getPosixFilePermissions(created))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Path shortKey = dir.resolve("short");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        assertThatThrownBy(() -> keys(shortKey)).hasMessageContaining("line 1").hasMessageContaining("32 bytes");
        Path notBase64 = dir.resolve("garbage");
        Files.writeString(notBase64, "not base64 at all!\n");
        assertThatThrownBy(() -> keys(notBase64)).hasMessageContaining("not base64");
    }
}
