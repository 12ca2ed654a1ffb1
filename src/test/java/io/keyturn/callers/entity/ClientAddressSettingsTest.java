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
        assertFalse(new ClientAddressSettings(List.of()).trusts("10.0.0.1"));
    }

    @Test
    void trustsTheListedAddressesOrAnyoneWithAStar() {
        ClientAddressSettings listed = new ClientAddressSettings(List.of("10.0.0.1", "::1", "fe80::1%eth0", ""));
        assertTrue(listed.trusts("10.0.0.1"));
        assertTrue(listed.trusts("fe80::1%eth0"));
        assertFalse(listed.trusts("10.0.0.2"));
        assertEquals(3, listed.trustedProxies().size(), "an empty entry is dropped");
        assertTrue(new ClientAddressSettings(List.of("*")).trusts("192.0.2.7"));
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
}
