package org.inclusionmatch.profile.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A remembered token is never used past its expiry: from then on every request goes to the verifier again. */
class VerifiedTokenCacheExpiryTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private long expirySeconds;

    private final DefaultJWTParser verifier = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) {
            verifications.incrementAndGet();
            long exp = expirySeconds;
            return (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JsonWebToken.class},
                    (proxy, method, args) -> method.getName().equals("getExpirationTime") ? exp : null);
        }
    };

    @Test
    void aTokenIsVerifiedOnceWhileValidAndAgainOnEveryUseAfterItsExpiry() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(60), 100);
        expirySeconds = System.currentTimeMillis() / 1000 + 600;
        cache.parse("valid");
        cache.parse("valid");
        cache.parse("valid");
        assertThat(verifications).hasValue(1);
        cache.parse("another");
        assertThat(verifications).as("another token text is verified on its own").hasValue(2);

        expirySeconds = System.currentTimeMillis() / 1000 + 1;
        cache.parse("short-lived");
        cache.parse("short-lived");
        assertThat(verifications).hasValue(3);
        Thread.sleep(2_100);
        cache.parse("short-lived");
        cache.parse("short-lived");
        assertThat(verifications).as("past its expiry, the verifier decides every time").hasValue(5);
    }
}
