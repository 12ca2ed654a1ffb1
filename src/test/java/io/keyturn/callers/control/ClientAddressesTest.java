package io.keyturn.callers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyturn.callers.entity.ClientAddressSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client address behind a request, with a request that answers only what ClientAddresses asks. */
class ClientAddressesTest {

    private static HttpServletRequest request(String peer, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-For".equals(args[0]) ? forwardedFor : null;
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
}
