package io.keyturn.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingRangesTest {

    @Test
    void aMaximumNamesThePropertyAndTheRangeInSecondsAndInWords() {
        SettingRanges.atMostSeconds(SettingRanges.DAY, Duration.ofDays(1), "keyturn.x-seconds");
        assertEquals("keyturn.x-seconds must be at most 86400 (1 day), not 86401",
                assertThrows(IllegalArgumentException.class, () -> SettingRanges.atMostSeconds(SettingRanges.DAY,
                        Duration.ofSeconds(86401), "keyturn.x-seconds")).getMessage());
        assertEquals("keyturn.x-seconds must be at most 2592000 (30 days), not " + Long.MAX_VALUE,
                assertThrows(IllegalArgumentException.class, () -> SettingRanges.atMostSeconds(
                        SettingRanges.THIRTY_DAYS, Duration.ofSeconds(Long.MAX_VALUE), "keyturn.x-seconds"))
                        .getMessage());
        assertEquals("keyturn.x must be at most 10, not 11",
                assertThrows(IllegalArgumentException.class, () -> SettingRanges.atMost(10, 11, "keyturn.x"))
                        .getMessage());
    }
}
