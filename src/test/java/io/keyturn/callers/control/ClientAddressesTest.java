package io.keyturn.callers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyturn.callers.entity.ClientAddressSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address behind a request, with a request that answers only what ClientAddresses asks. */
class ClientAddressesTest {

    /** A request from {@code peer} with one X-Forwarded-For line per {@code forwardedFor} (none if null). */
    private static HttpServletRequest request(String peer, String... forwardedFor) {
        List<String> lines = forwardedFor == null ? List.of() : List.of(forwardedFor);
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> Collections.enumeration("X-Forwarded-For".equals(args[0]) ? lines
                            : List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClientAddresses trusting(String... proxies) {
        ClientAddresses addresses = new ClientAddresses();
        addresses.settings = new ClientAddressSettings(List.of(proxies));
        return addresses;
    }

    /** The reviewer's repro: a proxy on [::1] configured as ::1; Payara reports the peer in full. */
    @Test
    void aProxyConfiguredInShortIpv6IsTrusted() {
        assertEquals("203.0.113.9",
                trusting("::1").addressOf(request("0:0:0:0:0:0:0:1", "203.0.113.9")));
    }

    @Test
    void hopsAreComparedInTheSameSpelling() {
        assertEquals("203.0.113.9", trusting("10.0.0.1", "::1")
                .addressOf(request("10.0.0.1", "203.0.113.9, 0:0:0:0:0:0:0:1")));
        assertEquals("10.0.0.1", trusting("::1").addressOf(request("10.0.0.1", "203.0.113.9")),
                "an untrusted peer's header is ignored");
    }

    /**
     * An attack probe's finding: with {@code *} every hop counted as trusted and the left-most, written by the client,
     * was taken, so each request could name a fresh address and pass the per-address throttles.
     */
    @Test
    void withTheStarTheHopTheProxyAppendedIsTheClient() {
        assertEquals("203.0.113.7", trusting("*").addressOf(request("10.9.9.9", "10.66.0.1, 203.0.113.7")));
        assertEquals("203.0.113.7", trusting("*").addressOf(request("10.9.9.9", "203.0.113.7")));
    }

    @Test
    void withTheStarListedInnerProxiesAreStillReadPast() {
        assertEquals("203.0.113.7", trusting("*", "10.0.0.2")
                .addressOf(request("10.9.9.9", "10.66.0.1, 203.0.113.7, 10.0.0.2")));
    }

    /**
     * Re-probe finding: a proxy that adds its own line leaves the client's line before it, and only the first line
     * was read, so the client named its address.
     */
    @Test
    void everyHeaderLineIsReadAsOneListInOrder() {
        assertEquals("203.0.113.7", trusting("*").addressOf(request("10.9.9.9", "198.51.100.1", "203.0.113.7")));
        assertEquals("203.0.113.7", trusting("10.9.9.9").addressOf(request("10.9.9.9", "198.51.100.1",
                "203.0.113.7")));
    }

    /** Re-probe finding: a hop with a port counted apart for every connection. */
    @Test
    void aPortAfterAHopIsDropped() {
        assertEquals("203.0.113.10", trusting("*").addressOf(request("10.9.9.9", "203.0.113.10:50021")));
        assertEquals("2001:db8:0:0:0:0:0:1", trusting("*").addressOf(request("10.9.9.9", "[2001:db8::1]:443")));
        assertEquals("2001:db8:0:0:0:0:0:1", trusting("*").addressOf(request("10.9.9.9", "[2001:DB8::1]")));
        assertEquals("203.0.113.10", trusting("*", "10.0.0.2")
                .addressOf(request("10.9.9.9", "203.0.113.10, 10.0.0.2:8080")));
    }

    /**
     * Re-probe finding: one malformed hop anywhere made the whole header count as the proxy's own address, which
     * everyone behind it then shared; only the hops the walk reaches matter.
     */
    @Test
    void aMalformedHopLeftOfTheClientIsIgnored() {
        assertEquals("203.0.113.51", trusting("*").addressOf(request("10.9.9.9", "unknown, 203.0.113.51")));
        assertEquals("203.0.113.55", trusting("*").addressOf(request("10.9.9.9", "203.0.113.54,, 203.0.113.55")));
    }

    @Test
    void aMalformedHopWhereTheClientBelongsLeavesTheLastAddressKnown() {
        assertEquals("10.0.0.2", trusting("*", "10.0.0.2").addressOf(request("10.9.9.9", "unknown, 10.0.0.2")));
        assertEquals("10.9.9.9", trusting("*").addressOf(request("10.9.9.9", "unknown")));
        assertEquals("10.9.9.9", trusting("*").addressOf(request("10.9.9.9", "203.0.113.7:99999")));
        assertEquals("10.9.9.9", trusting("*").addressOf(request("10.9.9.9", "")));
        assertEquals("10.9.9.9", trusting("*").addressOf(request("10.9.9.9", "[::1")));
    }

    @Test
    void withoutTheHeaderOrFromAnUntrustedPeerTheClientIsThePeer() {
        assertEquals("10.9.9.9", trusting("*").addressOf(request("10.9.9.9", (String[]) null)));
        assertEquals("10.9.9.9", trusting("10.0.0.1").addressOf(request("10.9.9.9", "203.0.113.7")));
    }
}
