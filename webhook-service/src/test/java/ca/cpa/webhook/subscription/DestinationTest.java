package ca.cpa.webhook.subscription;

import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestinationTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "192.168.0.1", "127.0.0.1", "169.254.169.254", "0.0.0.0",
            "100.64.1.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254",
            "fc00::1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "ff02::1"})
    void addressesInsideAnyNetworkAreNotPublic(String address) throws UnknownHostException {
        assertFalse(Destination.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "142.250.69.14", "205.193.117.158", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void addressesOnTheInternetArePublic(String address) throws UnknownHostException {
        assertTrue(Destination.isPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void aNameResolvingToAnyPrivateAddressIsRefused() {
        Destination destination = Destination.of("https://partner.example.org/hooks", List.of());
        RuleViolationException refused = assertThrows(RuleViolationException.class, () ->
                destination.resolve(host -> new InetAddress[]{address("203.0.113.9"), address("10.0.0.7")}));
        assertEquals("webhook.url.private-address", refused.code());
    }

    @Test
    void eachResolutionIsCheckedSoANameThatRebindsToAPrivateAddressIsRefusedThen() {
        AtomicInteger lookups = new AtomicInteger();
        Destination.HostResolver rebinding = host -> new InetAddress[]{
                lookups.incrementAndGet() == 1 ? address("203.0.113.9") : address("169.254.169.254")};
        Destination destination = Destination.of("https://rebind.example.org/hooks", List.of());
        assertEquals(address("203.0.113.9"), destination.resolve(rebinding), "public when subscribed");
        assertEquals("webhook.url.private-address", assertThrows(RuleViolationException.class,
                () -> destination.resolve(rebinding)).code(), "private when delivered");
    }

    @Test
    void anAllowListedHostMayBeHttpAndPrivate() {
        Destination destination = Destination.of("http://127.0.0.1:9999/hooks?x=1", List.of("127.0.0.1"));
        assertEquals(address("127.0.0.1"), destination.resolve(host -> new InetAddress[]{address(host)}));
        assertEquals("/hooks?x=1", destination.pathAndQuery());
        assertEquals(9999, destination.port());
        assertEquals("webhook.url.https-required", assertThrows(RuleViolationException.class,
                () -> Destination.of("http://127.0.0.2/hooks", List.of("127.0.0.1"))).code());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
