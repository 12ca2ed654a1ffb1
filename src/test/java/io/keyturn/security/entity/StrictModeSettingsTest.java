package io.keyturn.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
