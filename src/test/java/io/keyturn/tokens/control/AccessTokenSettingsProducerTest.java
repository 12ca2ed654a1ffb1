package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.tokens.entity.AccessTokenSettings;
import org.junit.jupiter.api.Test;

class AccessTokenSettingsProducerTest {

    private static AccessTokenSettingsProducer producer(String ttl, String cacheSize) {
        AccessTokenSettingsProducer producer = new AccessTokenSettingsProducer();
        producer.audience = "keyturn";
        producer.ttlSeconds = ttl;
        producer.verifiedCacheSize = cacheSize;
        return producer;
    }

    @Test
    void producesTheConfiguredSettings() {
        AccessTokenSettingsProducer producer = producer(" 900 ", "4096"); // the @ConfigProperty defaults
        producer.read();
        assertEquals(AccessTokenSettings.of("keyturn", 900, 4096), producer.settings());
    }

    /** The review's finding: with 1h, Payara injected the default and tokens said expiresIn 900, without a word. */
    @Test
    void aValueThatIsNoWholeNumberFailsNamingItsProperty() {
        assertEquals("keyturn.access-token.ttl-seconds must be a whole number, not \"1h\"",
                assertThrows(IllegalArgumentException.class, producer("1h", "4096")::read).getMessage());
        assertEquals("keyturn.access-token.verified-cache-size must be a whole number, not \"4k\"",
                assertThrows(IllegalArgumentException.class, producer("900", "4k")::read).getMessage());
    }
}
