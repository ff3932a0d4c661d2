package org.inclusionmatch.servers.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.inclusionmatch.servers.DevIssuer;

import java.util.Map;

/** Makes profile-service under test trust this test JVM's own development issuer. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** One key pair per test JVM; tests mint their tokens with it. */
    public static final DevIssuer ISSUER = DevIssuer.generate();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", ISSUER.publicKeyPem(),
                "mp.jwt.verify.issuer", DevIssuer.ISSUER,
                "mp.jwt.verify.audiences", DevIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
    }
}
