package io.keyturn.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.security.entity.StrictModeSettings;
import org.junit.jupiter.api.Test;

class StrictModeSettingsProducerTest {

    private static StrictModeSettingsProducer producer(String cacheSeconds) {
        StrictModeSettingsProducer producer = new StrictModeSettingsProducer();
        producer.strict = "true";
        producer.strictCacheSeconds = cacheSeconds;
        return producer;
    }

    @Test
    void producesTheConfiguredSettings() {
        StrictModeSettingsProducer producer = producer(" 10 ");
        producer.read();
        assertEquals(StrictModeSettings.ofSeconds(true, 10), producer.settings());
    }

    /** Payara injected the default (10) for it without a word. */
    @Test
    void aValueThatIsNoWholeNumberFailsNamingItsProperty() {
        assertEquals("keyturn.access-token.strict-cache-seconds must be a whole number, not \"10s\"",
                assertThrows(IllegalArgumentException.class, producer("10s")::read).getMessage());
    }
}
