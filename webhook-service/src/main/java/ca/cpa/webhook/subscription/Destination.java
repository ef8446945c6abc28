package ca.cpa.webhook.subscription;

import ca.cpa.platform.domain.RuleViolationException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Where a subscription's deliveries go, and the rules that keep a partner's url from reaching
 * inside the suite's network (server-side request forgery): {@code https} only, unless the host
 * is on the allow-list; and every address the host resolves to must be a public one, unless the
 * host is on the allow-list. Loopback, private, link-local (cloud metadata at 169.254.169.254),
 * unique-local, carrier-grade NAT, multicast and reserved addresses are refused. The check is
 * made when the subscription is made and again at each delivery, which then connects to the
 * address it checked, so a name that resolves differently later (DNS rebinding) gains nothing.
 */
public record Destination(URI uri, boolean allowListed) {

    public static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name to its addresses (the system resolver, or a test's). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Reads a url against the rules that need no lookup; the field blamed is {@code url}. */
    public static Destination of(String url, Collection<String> allowedHosts) {
        if (url == null || url.isBlank()) {
            throw new RuleViolationException("url", "webhook.url.required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RuleViolationException("url", "webhook.url.too-long", MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RuleViolationException("url", "webhook.url.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RuleViolationException("url", "webhook.url.invalid");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new RuleViolationException("url", "webhook.url.no-credentials-or-fragment");
        }
        boolean allowListed = allowedHosts.stream().anyMatch(host -> host.equalsIgnoreCase(hostOf(uri)));
        if (scheme.equals("http") && !allowListed) {
            throw new RuleViolationException("url", "webhook.url.https-required");
        }
        return new Destination(uri, allowListed);
    }

    public boolean secure() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The host as written, without the brackets of an IPv6 literal. */
    public String host() {
        return hostOf(uri);
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : secure() ? 443 : 80;
    }

    /** The path and query the request is sent to. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * The address to connect to: the host's first address, once every address it resolves to is
     * found public (any of them could be the one connected to otherwise).
     *
     * @throws RuleViolationException {@code webhook.url.unresolvable} or {@code webhook.url.private-address}
     */
    public InetAddress resolve(HostResolver resolver) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host());
        } catch (UnknownHostException e) {
            throw new RuleViolationException("url", "webhook.url.unresolvable", host());
        }
        if (addresses == null || addresses.length == 0) {
            throw new RuleViolationException("url", "webhook.url.unresolvable", host());
        }
        if (!allowListed) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RuleViolationException("url", "webhook.url.private-address", host(),
                            address.getHostAddress());
                }
            }
        }
        return addresses[0];
    }

    /** Whether an address is on the public internet: not loopback, private, link-local, reserved, ... */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                          // 0.0.0.0/8, "this network"
                    && !(first == 100 && (second & 0xc0) == 64)            // 100.64.0.0/10, carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))   // 198.18.0.0/15, benchmarking
                    && first < 224;                                        // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local (the cloud metadata service's fd00:ec2::254 among them)
            }
            if (embedsIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IPv4-compatible (::a.b.c.d), IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) addresses. */
    private static boolean embedsIpv4(byte[] bytes) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        boolean mapped = zeroPrefix && ((bytes[10] == 0 && bytes[11] == 0) || (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff));
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        return mapped || nat64;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
