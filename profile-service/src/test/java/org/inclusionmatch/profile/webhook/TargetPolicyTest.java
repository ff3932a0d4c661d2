package org.inclusionmatch.profile.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No server-side request forgery: the production policy (https, 443/8443, no special-purpose address), no servers. */
class TargetPolicyTest {

    private static final TargetPolicy PRODUCTION = new TargetPolicy(config(true, List.of("443", "8443"), null));

    @Test
    void onlyAbsoluteHttpsUrlsOnAllowedPortsMayBeRegistered() {
        assertThat(PRODUCTION.refusal("https://cases.partner.example/hooks?x=1")).isEmpty();
        assertThat(PRODUCTION.refusal("https://cases.partner.example:8443/hooks")).isEmpty();
        assertThat(PRODUCTION.refusal("https://93.184.216.34/hooks")).isEmpty();
        assertThat(PRODUCTION.refusal("http://cases.partner.example/hooks")).contains("must be an https URL");
        assertThat(PRODUCTION.refusal("ftp://cases.partner.example/hooks")).contains("must be an https URL");
        assertThat(PRODUCTION.refusal("/hooks")).get().asString().startsWith("must be an absolute URL");
        assertThat(PRODUCTION.refusal("https:hooks")).get().asString().startsWith("must be an absolute URL");
        assertThat(PRODUCTION.refusal("https://cases.partner.example:22/")).get().asString().startsWith("must use an allowed port");
        assertThat(PRODUCTION.refusal("https://me:secret@cases.partner.example/")).contains("must not hold user information or a fragment");
    }

    @Test
    void addressesTheUrlShowsAreRefusedWhenSpecial() {
        for (String host : List.of("127.0.0.1", "127.9.9.9", "localhost", "api.localhost", "10.1.2.3", "172.16.0.1",
                "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "2130706433", "224.0.0.1",
                "255.255.255.255", "[::1]", "[::]", "[fe80::1]", "[fd00:ec2::254]", "[::ffff:127.0.0.1]",
                "[64:ff9b::7f00:1]", "[ff02::1]", "[2001:db8::1]")) {
            assertThat(PRODUCTION.refusal("https://" + host + "/hooks")).as(host)
                    .contains("must not point at a loopback, private or link-local address");
        }
        assertThat(PRODUCTION.refusal("https://[2606:4700::1111]/hooks")).isEmpty();
        assertThat(PRODUCTION.refusal("https://[64:ff9b::5db8:d822]/hooks")).as("NAT64 of a public address").isEmpty();
    }

    @Test
    void everyResolvedAddressIsCheckedAgainAtDelivery() throws Exception {
        assertThatThrownBy(() -> PRODUCTION.resolve("localhost")).isInstanceOf(TargetPolicy.RefusedAddress.class);
        assertThatThrownBy(() -> PRODUCTION.resolve("127.0.0.1")).isInstanceOf(TargetPolicy.RefusedAddress.class);
        assertThat(PRODUCTION.resolve("93.184.216.34")).isEqualTo(InetAddress.getByName("93.184.216.34"));
        TargetPolicy tests = new TargetPolicy(config(false, List.of("1024-65535"), List.of("127.0.0.0/8")));
        assertThat(tests.resolve("127.0.0.1")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(tests.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThatThrownBy(() -> tests.resolve("10.0.0.1")).as("the allow-list lets only its own range through")
                .isInstanceOf(TargetPolicy.RefusedAddress.class);
    }

    static WebhookConfig config(boolean https, List<String> ports, List<String> allowed) {
        return new WebhookConfig() {
            public int maxEndpointsPerOrganisation() { return 10; }
            public boolean requireHttps() { return https; }
            public List<String> allowedPorts() { return ports; }
            public Optional<List<String>> allowedTestRanges() { return Optional.ofNullable(allowed); }
            public Duration secretOverlap() { return Duration.ofHours(24); }
            public Duration metricsInterval() { return Duration.ofSeconds(15); }
            public Dispatch dispatch() { throw new UnsupportedOperationException(); }
        };
    }
}
