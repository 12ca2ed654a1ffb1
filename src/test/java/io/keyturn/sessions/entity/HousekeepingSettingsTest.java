package io.keyturn.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HousekeepingSettingsTest {

    @Test
    void theDefaultsAreValid() {
        HousekeepingSettings settings = HousekeepingSettings.ofSeconds(300, 500, 604800);
        assertEquals(Duration.ofMinutes(5), settings.interval());
        assertEquals(500, settings.batchSize());
        assertEquals(Duration.ofDays(7), settings.revokedRetention());
    }

    @Test
    void refusalsNameTheProperty() {
        assertRefused("keyturn.housekeeping.interval-seconds must be at least 1, not 0",
                () -> HousekeepingSettings.ofSeconds(0, 500, 604800));
        assertRefused("keyturn.housekeeping.batch-size must be at least 1, not 0",
                () -> HousekeepingSettings.ofSeconds(300, 0, 604800));
        assertRefused("keyturn.housekeeping.revoked-retention-seconds must be at least 0, not -1",
                () -> HousekeepingSettings.ofSeconds(300, 500, -1));
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }

    @Test
    void theIntervalTheBatchAndTheRetentionHaveMaximums() {
        HousekeepingSettings.ofSeconds(86400, 10_000, 315_360_000);
        assertEquals("keyturn.housekeeping.interval-seconds must be at most 86400 (1 day), not " + Long.MAX_VALUE,
                assertThrows(IllegalArgumentException.class,
                        () -> HousekeepingSettings.ofSeconds(Long.MAX_VALUE, 500, 604800)).getMessage());
        assertEquals("keyturn.housekeeping.batch-size must be at most 10000, not 10001",
                assertThrows(IllegalArgumentException.class,
                        () -> HousekeepingSettings.ofSeconds(300, 10_001, 604800)).getMessage());
        assertEquals("keyturn.housekeeping.revoked-retention-seconds must be at most 315360000 (3650 days), not "
                + Long.MAX_VALUE, assertThrows(IllegalArgumentException.class,
                        () -> HousekeepingSettings.ofSeconds(300, 500, Long.MAX_VALUE)).getMessage());
    }
}
