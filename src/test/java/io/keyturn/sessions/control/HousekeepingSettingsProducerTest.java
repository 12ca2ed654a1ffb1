package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.sessions.entity.HousekeepingSettings;
import org.junit.jupiter.api.Test;

class HousekeepingSettingsProducerTest {

    private static HousekeepingSettingsProducer producer(String interval, String batchSize, String retention) {
        HousekeepingSettingsProducer producer = new HousekeepingSettingsProducer();
        producer.intervalSeconds = interval;
        producer.batchSize = batchSize;
        producer.revokedRetentionSeconds = retention;
        return producer;
    }

    @Test
    void producesTheConfiguredSettings() {
        HousekeepingSettingsProducer producer = producer("300", " 500 ", "604800"); // the @ConfigProperty defaults
        producer.read();
        assertEquals(HousekeepingSettings.ofSeconds(300, 500, 604800), producer.settings());
    }

    /** Payara injected the defaults for these without a word. */
    @Test
    void aValueThatIsNoWholeNumberFailsNamingItsProperty() {
        assertRefused("keyturn.housekeeping.interval-seconds must be a whole number, not \"5m\"",
                producer("5m", "500", "604800"));
        assertRefused("keyturn.housekeeping.batch-size must be a whole number, not \"1k\"",
                producer("300", "1k", "604800"));
        assertRefused("keyturn.housekeeping.revoked-retention-seconds must be a whole number, not \"7d\"",
                producer("300", "500", "7d"));
    }

    private static void assertRefused(String message, HousekeepingSettingsProducer producer) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
