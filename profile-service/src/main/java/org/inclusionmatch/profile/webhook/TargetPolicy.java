package org.inclusionmatch.profile.webhook;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (no server-side request forgery): absolute http(s) URLs (https only unless configured), on an
 * allowed port, never to loopback, private, shared (CGNAT), link-local (cloud metadata), multicast, reserved or
 * documentation ranges. Checked on the URL at registration (a literal address, a localhost name), and on every
 * resolved address before each attempt, whose address is then the one connected to. The test allow-list lets the
 * tests and the local run reach their receivers on loopback; it is empty by default.
 */
@ApplicationScoped
public class TargetPolicy {

    /**
     * IPv4 and IPv6 ranges no webhook may reach (RFC 6890 special-purpose registries, less the global ones). IPv4-mapped
     * IPv6 addresses (::ffff:a.b.c.d) need no range: Java reads them as the IPv4 address.
     */
    static final List<String> REFUSED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "64:ff9b:1::/48", "100::/64", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private final List<IpSubnetFilterRule> refused;
    private final List<IpSubnetFilterRule> allowedForTests;
    private final List<int[]> ports;
    private final boolean requireHttps;

    public TargetPolicy(WebhookConfig config) {
        this.refused = REFUSED.stream().map(TargetPolicy::rule).toList();
        this.allowedForTests = config.allowedTestRanges().orElse(List.of()).stream().map(TargetPolicy::rule).toList();
        this.ports = config.allowedPorts().stream().map(TargetPolicy::portRange).toList();
        this.requireHttps = config.requireHttps();
    }

    /** Why the URL may not be registered, or empty when it may (its name is resolved only when sending). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute URL such as https://partner.example/webhooks");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            return Optional.of("must be an absolute URL such as https://partner.example/webhooks");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must be an https URL");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must not hold user information or a fragment");
        }
        if (!portAllowed(port(uri))) {
            return Optional.of("must use an allowed port (" + String.join(", ", portList()) + ")");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return refused(loopback()) ? Optional.of("must not point at a loopback, private or link-local address") : Optional.empty();
        }
        return literal(host).filter(this::refused).map(a -> "must not point at a loopback, private or link-local address");
    }

    /**
     * The address to connect to for {@code host}: every address it resolves to must be allowed (a name that answers with
     * a private address among public ones is refused), and the first is pinned for the connection.
     */
    public InetAddress resolve(String host) throws UnknownHostException, RefusedAddress {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (refused(address)) {
                throw new RefusedAddress(host + " resolves to a refused address");
            }
        }
        return addresses[0];
    }

    /** Whether the address is in a refused range and not in the test allow-list. */
    boolean refused(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        if (allowedForTests.stream().anyMatch(rule -> rule.matches(socket))) {
            return false;
        }
        return refused.stream().anyMatch(rule -> rule.matches(socket)) || address.isAnyLocalAddress()
                || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()
                || nat64Refused(address);
    }

    boolean portAllowed(int port) {
        return ports.stream().anyMatch(range -> port >= range[0] && port <= range[1]);
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private List<String> portList() {
        return ports.stream().map(r -> r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]).toList();
    }

    /** An IPv4 address inside the NAT64 prefix 64:ff9b::/96 is judged by that IPv4 address. */
    private boolean nat64Refused(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        byte[] bytes = address.getAddress();
        try {
            return bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                    && Arrays.equals(Arrays.copyOfRange(bytes, 4, 12), new byte[8])
                    && refused(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The host as an address when it is an IP literal (never a DNS look-up). */
    private static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static IpSubnetFilterRule rule(String cidr) {
        String[] parts = cidr.trim().split("/");
        return new IpSubnetFilterRule(parts[0], Integer.parseInt(parts[1]), IpFilterRuleType.REJECT);
    }

    private static int[] portRange(String spec) {
        String[] parts = spec.trim().split("-");
        int from = Integer.parseInt(parts[0].trim());
        int to = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : from;
        if (from < 1 || to > 65535 || from > to) {
            throw new IllegalArgumentException("inclusion.webhooks.allowed-ports: bad port or range " + spec);
        }
        return new int[]{from, to};
    }

    /** A resolved address in a refused range: the attempt fails without connecting. */
    public static final class RefusedAddress extends Exception {
        RefusedAddress(String message) {
            super(message);
        }
    }
}
