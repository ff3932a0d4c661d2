package org.inclusionmatch.servers;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The development token issuer: an RSA key pair of the local run (or of a test JVM) and signed JWTs for a role
 * and organisation. Production points profile-service at a real OIDC provider's keys instead.
 * <pre>
 *   DevIssuer keys DIR                                 writes DIR/privateKey.pem and DIR/publicKey.pem once
 *   DevIssuer token DIR ROLE[,ROLE] [ORG_ID] [SUBJECT] prints a token valid for 12 hours
 * </pre>
 */
public final class DevIssuer {

    public static final String ISSUER = "https://dev.inclusion-match.local";
    public static final String AUDIENCE = "inclusion-match";
    public static final String ORGANISATION_CLAIM = "org";

    private final KeyPair keys;

    public DevIssuer(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh key pair, for a test JVM. */
    public static DevIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevIssuer(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** A token with the standard claims; {@code organisationId} may be null (a service identity). */
    public String token(String subject, List<String> roles, UUID organisationId, long lifetimeSeconds) {
        return sign(claims(subject, roles, organisationId, lifetimeSeconds), keys.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signs claims of the caller's making with this issuer's key (e.g. an organisation claim by code). */
    public String sign(JwtClaims claims) {
        return sign(claims, keys.getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static JwtClaims claims(String subject, List<String> roles, UUID organisationId, long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", roles);
        if (organisationId != null) {
            claims.setStringClaim(ORGANISATION_CLAIM, organisationId.toString());
        }
        return claims;
    }

    /** Signs claims with a key and algorithm; tests use it to forge bad tokens too. */
    public static String sign(JwtClaims claims, java.security.Key key, String algorithm) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            if (key != null) {
                jws.setKey(key);
            } else {
                jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
            }
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DevIssuer keys DIR | token DIR ROLE[,ROLE] [ORG_ID] [SUBJECT]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("keys")) {
            writeKeysOnce(dir);
            return;
        }
        DevIssuer issuer = load(dir);
        List<String> roles = List.of(args[2].split(","));
        UUID org = args.length > 3 && !args[3].isBlank() ? UUID.fromString(args[3]) : null;
        String subject = args.length > 4 ? args[4] : "dev-" + String.join("-", roles).toLowerCase();
        System.out.println(issuer.token(subject, roles, org, 12 * 3600));
    }

    static void writeKeysOnce(Path dir) throws IOException {
        if (Files.exists(dir.resolve("privateKey.pem"))) {
            return;
        }
        Files.createDirectories(dir);
        DevIssuer issuer = generate();
        Files.writeString(dir.resolve("publicKey.pem"), issuer.publicKeyPem());
        Path privateKey = dir.resolve("privateKey.pem");
        Files.writeString(privateKey, issuer.privateKeyPem());
        privateKey.toFile().setReadable(false, false);
        privateKey.toFile().setReadable(true, true);
    }

    public static DevIssuer load(Path dir) throws IOException, NoSuchAlgorithmException, InvalidKeySpecException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(dir.resolve("privateKey.pem")))));
        var publicKey = rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(der(Files.readString(dir.resolve("publicKey.pem")))));
        return new DevIssuer(new KeyPair(publicKey, privateKey));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
