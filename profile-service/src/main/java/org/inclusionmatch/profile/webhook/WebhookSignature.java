package org.inclusionmatch.profile.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures (standardwebhooks.com): a secret is {@code whsec_} and the base64 of 32 random bytes; the
 * {@code webhook-signature} header is {@code v1,} and the base64 HMAC-SHA256, keyed with those bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; several space-separated while two secrets sign (a rotation).
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The header value for the body under every given secret, in order. */
    static String header(List<String> secrets, String messageId, long timestampSeconds, String body) {
        String signed = messageId + "." + timestampSeconds + "." + body;
        return secrets.stream().map(secret -> "v1," + sign(secret, signed)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
