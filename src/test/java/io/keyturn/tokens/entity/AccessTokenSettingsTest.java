package io.keyturn.tokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessTokenSettingsTest {

    @Test
    void theDefaultsAreValid() {
        AccessTokenSettings settings = AccessTokenSettings.of("keyturn", 900, 4096);
        assertEquals("keyturn", settings.audience());
        assertEquals(Duration.ofMinutes(15), settings.ttl());
        assertEquals(4096, settings.verifiedCacheSize());
    }

    @Test
    void aCacheSizeOfZeroTurnsTheCacheOff() {
        assertEquals(0, AccessTokenSettings.of("keyturn", 900, 0).verifiedCacheSize());
    }

    @Test
    void refusalsNameTheProperty() {
        assertRefused("keyturn.audience must be a name that is not blank, not \" \"", () -> AccessTokenSettings.of(
                " ", 900, 4096));
        assertRefused("keyturn.access-token.ttl-seconds must be at least 1, not 0",
                () -> AccessTokenSettings.of("keyturn", 0, 4096));
        assertRefused("keyturn.access-token.verified-cache-size must be at least 0, not -1",
                () -> AccessTokenSettings.of("keyturn", 900, -1));
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }

    @Test
    void theLifetimeAndTheCacheHaveMaximums() {
        assertEquals(Duration.ofDays(1), AccessTokenSettings.of("keyturn", 86400, 100_000).ttl());
        assertEquals("keyturn.access-token.ttl-seconds must be at most 86400 (1 day), not 9223372036854775807",
                assertThrows(IllegalArgumentException.class,
                        () -> AccessTokenSettings.of("keyturn", Long.MAX_VALUE, 4096)).getMessage());
        assertEquals("keyturn.access-token.verified-cache-size must be at most 100000, not 100001",
                assertThrows(IllegalArgumentException.class,
                        () -> AccessTokenSettings.of("keyturn", 900, 100_001)).getMessage());
    }
}
