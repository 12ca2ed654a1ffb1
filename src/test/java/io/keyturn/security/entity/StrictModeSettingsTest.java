package io.keyturn.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StrictModeSettingsTest {

    @Test
    void theDefaultsAreValid() {
        StrictModeSettings settings = StrictModeSettings.ofSeconds(false, 10);
        assertFalse(settings.strict());
        assertEquals(Duration.ofSeconds(10), settings.strictCache());
    }

    @Test
    void zeroMeansReadAtEveryRequestAndANegativePeriodIsRefused() {
        assertEquals(Duration.ZERO, StrictModeSettings.ofSeconds(true, 0).strictCache());
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> StrictModeSettings.ofSeconds(true, -1));
        assertEquals("keyturn.access-token.strict-cache-seconds must be at least 0, not -1", refusal.getMessage());
    }

    @Test
    void strictIsReadInTheWordsThatHadAMeaning() {
        assertFalse(StrictModeSettings.of("false", 10).strict(), "the default");
        assertTrue(StrictModeSettings.of("true", 10).strict());
        assertTrue(StrictModeSettings.of(" ON ", 10).strict());
        assertFalse(StrictModeSettings.of("no", 10).strict());
    }

    /** The reviewer's finding: a typo in keyturn.access-token.strict silently switched strict mode off. */
    @Test
    void aTypoInStrictIsRefusedNamingTheProperty() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> StrictModeSettings.of("ture", 10));
        assertEquals("keyturn.access-token.strict must be true or false (also yes/no, on/off, 1/0), not \"ture\"",
                refusal.getMessage());
    }

    /** The reviewer's repro: Long.MAX_VALUE started, then every strict check after the first overflowed (500). */
    @Test
    void theCacheIsAtMostADay() {
        assertEquals(Duration.ofDays(1), StrictModeSettings.ofSeconds(true, 86400).strictCache());
        for (long seconds : new long[] {86401, Long.MAX_VALUE}) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> StrictModeSettings.ofSeconds(true, seconds));
            assertEquals("keyturn.access-token.strict-cache-seconds must be at most 86400 (1 day), not " + seconds,
                    refusal.getMessage());
        }
    }
}
