package io.keyturn.callers.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressSettingsTest {

    @Test
    void noneByDefaultTrustsNobody() {
        assertFalse(new ClientAddressSettings(List.of()).trustsPeer("10.0.0.1"));
    }

    @Test
    void trustsTheListedAddressesOrAnyoneWithAStar() {
        ClientAddressSettings listed = new ClientAddressSettings(List.of("10.0.0.1", "::1", "fe80::1%eth0", ""));
        assertTrue(listed.trustsPeer("10.0.0.1"));
        assertTrue(listed.trustsPeer("fe80::1%eth0"));
        assertFalse(listed.trustsPeer("10.0.0.2"));
        assertEquals(3, listed.trustedProxies().size(), "an empty entry is dropped");
        assertTrue(new ClientAddressSettings(List.of("*")).trustsPeer("192.0.2.7"));
    }

    /** A hop inside X-Forwarded-For is read past only when listed: the star is about the TCP peer. */
    @Test
    void theStarTrustsNoHopInsideTheHeader() {
        assertFalse(new ClientAddressSettings(List.of("*")).trustsHop("192.0.2.7"));
        assertTrue(new ClientAddressSettings(List.of("*", "10.0.0.2")).trustsHop("10.0.0.2"));
    }

    @Test
    void refusesWhatCanNeverBeAPeerAddress() {
        for (String entry : List.of("proxy.internal", " 10.0.0.1", "10.0.0.0/8")) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> new ClientAddressSettings(List.of("10.0.0.9", entry)));
            assertEquals("keyturn.client-address.trusted-proxies must list IP addresses or *, not \"" + entry + "\"",
                    refusal.getMessage());
        }
    }

    /** The reviewer's finding: "::1" was accepted, and never equalled the peer Payara reports, 0:0:0:0:0:0:0:1. */
    @Test
    void comparesEntriesAndPeersInOneSpelling() {
        assertTrue(new ClientAddressSettings(List.of("::1")).trustsPeer("0:0:0:0:0:0:0:1"));
        assertTrue(new ClientAddressSettings(List.of("0:0:0:0:0:0:0:1")).trustsPeer("::1"));
        assertTrue(new ClientAddressSettings(List.of("2001:DB8::a")).trustsPeer("2001:db8:0:0:0:0:0:a"));
        assertTrue(new ClientAddressSettings(List.of("::ffff:10.0.0.1")).trustsPeer("10.0.0.1"));
        assertTrue(new ClientAddressSettings(List.of("fe80::1%eth0")).trustsPeer("fe80:0:0:0:0:0:0:1%eth0"));
        assertFalse(new ClientAddressSettings(List.of("::1")).trustsPeer("::2"));
        assertFalse(new ClientAddressSettings(List.of("::1")).trustsPeer("not an address"));
        assertEquals(List.of("0:0:0:0:0:0:0:1", "10.0.0.1"),
                new ClientAddressSettings(List.of("::1", "10.0.0.1")).trustedProxies());
    }

    /** Each matched the old character pattern, and none is an address a peer could have. */
    @Test
    void refusesTextThatOnlyLooksLikeAnAddress() {
        for (String entry : List.of("cafe", "...", "1.2.3.4.5.6", "1.2.3", "256.0.0.1", "010.0.0.1", "1::2::3",
                ":", "12345::1", "fe80::1%", "10.0.0.1%eth0", "::1%eth 0")) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> new ClientAddressSettings(List.of(entry)));
            assertEquals("keyturn.client-address.trusted-proxies must list IP addresses or *, not \"" + entry + "\"",
                    refusal.getMessage());
        }
    }
}
